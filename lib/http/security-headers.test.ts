import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders, tileOrigin } from "./security-headers";

const base = { nonce: "abc123==", development: false, https: false, tileOrigin: null };

describe("security headers", () => {
  it("allow scripts only with the nonce, and eval only in development", () => {
    const csp = contentSecurityPolicy(base);
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic';");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/style-src [^;]*unsafe-inline/);
    expect(csp).toContain("style-src-attr 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    const development = contentSecurityPolicy({ ...base, development: true });
    expect(development).toContain("'strict-dynamic' 'unsafe-eval'");
    // Only the development server's own <style> elements (hot reload) get through without the nonce.
    expect(development).toContain("style-src 'self' 'unsafe-inline';");
  });

  it("send HSTS and upgrade requests only when the app is served over HTTPS", () => {
    expect(securityHeaders(base)).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders(base)["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    const https = securityHeaders({ ...base, https: true });
    expect(https["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(https).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("let the optional tile layer's images through, and nothing else from outside", () => {
    expect(tileOrigin("https://{s}.tile.example.org/{z}/{x}/{y}.png")).toBe("https://*.tile.example.org");
    expect(tileOrigin("https://tiles.example.org:8443/{z}/{x}/{y}.png")).toBe("https://tiles.example.org:8443");
    expect(tileOrigin(undefined)).toBeNull();
    expect(contentSecurityPolicy({ ...base, tileOrigin: "https://*.tile.example.org" })).toContain(
      "img-src 'self' data: blob: https://*.tile.example.org;",
    );
  });

  it("make a new nonce every time", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
