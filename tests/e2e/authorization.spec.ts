// Every mutation is refused on the server for anonymous users (401) and viewers (403), over real
// HTTP, and the database is unchanged afterwards.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./support/users";

const KOBE = "MLI-2025-0001";
const UUID = "00000000-0000-4000-8000-000000000000";

type Mutation = { name: string; method: "POST" | "PATCH"; path: string | (() => Promise<string>); body: unknown };

let claimId = "";
const mutations: Mutation[] = [
  {
    name: "create incident",
    method: "POST",
    path: "/api/incidents",
    body: {
      title: "Refused incident",
      dateStart: "2025-01-01",
      dateEnd: "2025-01-01",
      placeName: "X",
      countryIso3: "MLI",
      latitude: 1,
      longitude: 1,
      eventType: "Battles",
    },
  },
  { name: "edit incident", method: "PATCH", path: `/api/incidents/${KOBE}`, body: { title: "Hijacked", expectedVersion: 1 } },
  {
    name: "merge incidents",
    method: "POST",
    path: `/api/incidents/${KOBE}/merge`,
    body: { targetCode: "MLI-2025-0002", expectedVersion: 1, targetExpectedVersion: 1 },
  },
  {
    name: "record decision",
    method: "POST",
    path: `/api/incidents/${KOBE}/decisions`,
    body: { metric: "killed", category: "civilians", best: 1, rationale: "Should never be stored" },
  },
  { name: "create source", method: "POST", path: "/api/sources", body: { slug: "refused", name: "Refused", kind: "ngo" } },
  { name: "create document", method: "POST", path: "/api/documents", body: { sourceId: UUID, title: "Refused" } },
  {
    name: "add claim",
    method: "POST",
    path: "/api/claims",
    body: {
      incidentCode: KOBE,
      claimantId: UUID,
      metric: "killed",
      category: "civilians",
      valueMin: 1,
      valueMax: 1,
      qualifier: "exact",
      statement: "refused",
    },
  },
  {
    name: "supersede claim",
    method: "POST",
    path: async () => `/api/claims/${claimId}/supersede`,
    body: {
      expectedVersion: 1,
      metric: "killed",
      category: "civilians",
      valueMin: 1,
      valueMax: 1,
      qualifier: "exact",
      statement: "refused",
    },
  },
  {
    name: "assess claim",
    method: "POST",
    path: async () => `/api/claims/${claimId}/assess`,
    body: { expectedVersion: 1, assessment: "not_credible", reason: "refused" },
  },
  {
    name: "retract claim",
    method: "POST",
    path: async () => `/api/claims/${claimId}/retract`,
    body: { expectedVersion: 1, reason: "refused" },
  },
  { name: "parse statement", method: "POST", path: "/api/statements/parse", body: { statement: "34 civilians were killed" } },
  {
    name: "create user",
    method: "POST",
    path: "/api/admin/users",
    body: { email: "intruder@example.org", role: "admin", password: "intruder-password" },
  },
  { name: "change a role", method: "PATCH", path: `/api/admin/users/${UUID}`, body: { role: "admin" } },
];

async function snapshot(request: APIRequestContext) {
  const incident = await (await request.get(`/api/incidents/${KOBE}`)).json();
  const list = await (await request.get("/api/incidents?limit=500")).json();
  const sources = await (await request.get("/api/sources")).json();
  return { incident, codes: list.items.map((i: { code: string }) => i.code), sources: sources.items.length };
}

test.beforeAll(async ({ request }) => {
  const incident = await (await request.get(`/api/incidents/${KOBE}`)).json();
  claimId = incident.claims[0].id;
});

for (const who of ["anonymous", "viewer"] as const) {
  test(`${who}: every mutation is refused with ${who === "anonymous" ? 401 : 403} and nothing changes`, async ({ baseURL }) => {
    // Origin as a browser sends it: the refusals below are the role checks, not the cross-origin check.
    const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });
    if (who === "viewer") await signIn(context, "viewer");
    const before = await snapshot(context);
    for (const mutation of mutations) {
      const path = typeof mutation.path === "string" ? mutation.path : await mutation.path();
      const response = await context.fetch(path, { method: mutation.method, data: mutation.body });
      expect(response.status(), `${mutation.name} as ${who}`).toBe(who === "anonymous" ? 401 : 403);
      const body = await response.json();
      expect(body.error.message, mutation.name).toMatch(who === "anonymous" ? /Sign in/ : /needs the (editor|admin) role/);
    }
    expect(await snapshot(context)).toEqual(before);
    await context.dispose();
  });
}

test("an editor cannot reach admin-only mutations", async ({ baseURL }) => {
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });
  await signIn(context, "editor");
  const response = await context.post("/api/admin/users", {
    data: { email: "x@example.org", role: "admin", password: "long-enough-password" },
  });
  expect(response.status()).toBe(403);
  await context.dispose();
});
