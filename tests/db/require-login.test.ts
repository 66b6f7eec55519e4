// REQUIRE_LOGIN=true: anonymous requests are redirected to /login (pages) or refused (APIs);
// a valid session passes. The proxy is called as Next calls it, with a real session in PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createDatabase } from "./test-database";

let proxy: typeof import("@/proxy").proxy;
let sessionToken = "";

beforeAll(async () => {
  const { url } = await createDatabase();
  process.env.DATABASE_URL = url;
  process.env.REQUIRE_LOGIN = "true";
  const { createPrismaClient } = await import("@/lib/db");
  const { createUser } = await import("@/lib/users/user-commands");
  const { createSession } = await import("@/lib/auth/session-store");
  const db = createPrismaClient(url);
  const user = await createUser(db, { email: "reader@example.org", role: "viewer", password: "a-long-enough-password" }, null);
  sessionToken = (await createSession(db, user.id)).token;
  await db.$disconnect();
  ({ proxy } = await import("@/proxy"));
});

const request = (path: string, cookie?: string) =>
  new NextRequest(new URL(path, "http://localhost:3000"), { headers: cookie ? { cookie: `triangulate_session=${cookie}` } : {} });

describe("REQUIRE_LOGIN=true", () => {
  it("sends anonymous page views to /login, remembering where they were going", async () => {
    const response = await proxy(request("/incidents/MLI-2025-0001?tab=claims"));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("next")).toBe("/incidents/MLI-2025-0001?tab=claims");
  });

  it("refuses anonymous API reads with 401", async () => {
    const response = await proxy(request("/api/incidents"));
    expect(response.status).toBe(401);
  });

  it("lets the sign-in page and a signed-in reader through", async () => {
    expect((await proxy(request("/login"))).headers.get("x-middleware-next")).toBe("1");
    expect((await proxy(request("/api/incidents", sessionToken))).headers.get("x-middleware-next")).toBe("1");
  });

  it("does not accept a forged session", async () => {
    expect((await proxy(request("/", "ses_forged"))).status).toBe(307);
  });
});
