import { describe, expect, it } from "vitest";
import { csrfProblem } from "./csrf";

const SESSION = "triangulate_session=ses_x";

function request(method: string, headers: Record<string, string>, url = "http://127.0.0.1:3000/api/sources") {
  return { method, url, headers: new Headers({ host: new URL(url).host, ...headers }) };
}

const refused = (method: string, headers: Record<string, string>, trusted: string[] = []) =>
  csrfProblem(request(method, headers), trusted) !== null;

describe("the cross-origin check", () => {
  it("refuses state changes from another origin, with or without a session cookie", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(refused(method, { origin: "http://evil.example", cookie: SESSION }), method).toBe(true);
      // Another port of the same host is the same *site* (SameSite=Lax lets the cookie through) but not the same origin.
      expect(refused(method, { origin: "http://127.0.0.1:4000", cookie: SESSION }), method).toBe(true);
      expect(refused(method, { origin: "null", cookie: SESSION }), method).toBe(true);
      expect(refused(method, { origin: "http://evil.example" }), `${method} without cookie`).toBe(true);
    }
  });

  it("lets the app's own origin through, and the trusted ones", () => {
    expect(refused("POST", { origin: "http://127.0.0.1:3000", cookie: SESSION })).toBe(false);
    expect(refused("POST", { origin: "https://triangulate.example.org", cookie: SESSION }, ["https://triangulate.example.org"])).toBe(
      false,
    );
    expect(refused("POST", { origin: "https://other.example.org", cookie: SESSION }, ["https://triangulate.example.org"])).toBe(true);
  });

  it("falls back to Sec-Fetch-Site when there is no Origin", () => {
    expect(refused("POST", { "sec-fetch-site": "same-origin", cookie: SESSION })).toBe(false);
    expect(refused("POST", { "sec-fetch-site": "none", cookie: SESSION })).toBe(false);
    expect(refused("POST", { "sec-fetch-site": "same-site", cookie: SESSION })).toBe(true);
    expect(refused("POST", { "sec-fetch-site": "cross-site", cookie: SESSION })).toBe(true);
  });

  it("refuses a cookie without any evidence of origin, but not a request without a cookie (a script signing in)", () => {
    expect(refused("POST", { cookie: SESSION })).toBe(true);
    expect(refused("POST", { cookie: "other=1" })).toBe(false);
    expect(refused("POST", {})).toBe(false);
  });

  it("exempts API tokens and reads", () => {
    expect(refused("POST", { authorization: "Bearer tri_abc", origin: "http://evil.example", cookie: SESSION })).toBe(false);
    expect(refused("POST", { authorization: "Basic abc", origin: "http://evil.example" })).toBe(true);
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(refused(method, { origin: "http://evil.example", cookie: SESSION }), method).toBe(false);
  });
});
