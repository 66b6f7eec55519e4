// The bad inputs that used to answer 500, one by one, over real HTTP: each now gets a 4xx that
// names what is wrong, and nothing is written.
import { expect, test } from "@playwright/test";
import { withAppDatabase } from "./support/app-database";
import { signIn } from "./support/users";

const KOBE = "MLI-2025-0001";
const UUID = "00000000-0000-4000-8000-000000000000";
const cursor = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString("base64url");

test("cursors, path segments, NUL, lone surrogates, ids and broken multipart get a 4xx naming the field", async ({
  playwright,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: origin } });
  await signIn(admin, "admin", "-input");
  const sources = async () =>
    withAppDatabase(async (client) => (await client.query(`SELECT count(*)::int AS n FROM "Source"`)).rows[0].n as number);
  const before = await sources();

  const reads: [string, number, string][] = [
    [`/api/incidents?cursor=${cursor(["n", "2025-02-07", "not-a-uuid", null])}`, 400, "cursor"],
    [`/api/incidents?cursor=${cursor(["n", "9999-99-99", UUID, null])}`, 400, "cursor"],
    [`/api/incidents?cursor=${cursor(["n", "2025-02-30", UUID, null])}`, 400, "cursor"],
    [`/api/incidents?sort=most_killed&cursor=${cursor(["k", "2025-02-07", UUID, 1e20])}`, 400, "cursor"],
    ["/api/incidents?minKilled=1e20", 400, "minKilled"],
    ["/api/incidents?actor=ab%00", 400, "actor"],
    ["/api/export/figures.csv?admin1=%00", 400, "admin1"],
    ["/api/incidents/%ED%A0%80", 400, "path"],
    [`/api/incidents/${KOBE}%00`, 400, "code"],
  ];
  for (const [url, status, field] of reads) {
    const response = await admin.get(url);
    expect(response.status(), url).toBe(status);
    expect(Object.keys((await response.json()).error.fields ?? {}), url).toContain(field);
  }
  // The incident page with invalid UTF-8 in its path: 400, not a server error.
  expect((await admin.get("/incidents/%ED%A0%80")).status()).toBe(400);

  const json = (text: string) => ({ headers: { "content-type": "application/json" }, data: text });
  const writes: [string, string, { headers: Record<string, string>; data: string }, number, string][] = [
    ["POST", "/api/sources", json('{"slug":"nul-name","name":"A\\u0000B","kind":"ngo"}'), 400, "name"],
    ["POST", "/api/sources", json('{"slug":"surrogate","name":"\\ud800","kind":"ngo"}'), 400, "name"],
    [
      "POST",
      `/api/incidents/${KOBE}%00/merge`,
      json('{"targetCode":"MLI-2025-0002","expectedVersion":1,"targetExpectedVersion":1}'),
      400,
      "code",
    ],
    [
      "POST",
      `/api/incidents/${KOBE}/merge`,
      json('{"targetCode":"MLI-2025-0002\\u0000","expectedVersion":1,"targetExpectedVersion":1}'),
      400,
      "targetCode",
    ],
    ["PATCH", "/api/admin/users/not-a-uuid", json('{"role":"viewer"}'), 400, "id"],
    ["POST", "/api/claims/not-a-uuid/retract", json('{"expectedVersion":1,"reason":"a reason"}'), 400, "id"],
    ["POST", "/api/import", { headers: { "content-type": "multipart/form-data" }, data: "x" }, 400, "file"],
    [
      "POST",
      "/api/import",
      { headers: { "content-type": "multipart/form-data; boundary=wrong" }, data: "--other\r\n\r\nx\r\n--other--\r\n" },
      400,
      "file",
    ],
  ];
  for (const [method, url, body, status, field] of writes) {
    const response = await admin.fetch(url, { method, ...body });
    expect(response.status(), `${method} ${url}`).toBe(status);
    const error = (await response.json()).error;
    expect(Object.keys(error.fields ?? {}), `${method} ${url}`).toContain(field);
    expect(error.message, `${method} ${url}`).toContain(field);
  }
  expect(await sources()).toBe(before);
  await admin.dispose();
});
