// The read API over real HTTP against the running app.
import { expect, test } from "@playwright/test";

test("GET /api/incidents/{code} returns Kobé's claims and figures", async ({ request }) => {
  const response = await request.get("/api/incidents/MLI-2025-0001");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.incident.code).toBe("MLI-2025-0001");
  const killedCivilians = body.figures.find(
    (f: { metric: string; category: string }) => f.metric === "killed" && f.category === "civilians",
  );
  expect(killedCivilians).toMatchObject({ low: 25, best: 34, high: 34, method: "source_priority", independentSourceCount: 2 });
  expect(killedCivilians.flags).toContain("contested");
  const government = body.claims.find(
    (c: { claimant: { slug: string }; metric: string; category: string }) =>
      c.claimant.slug === "mali-government" && c.metric === "killed" && c.category === "civilians",
  );
  expect(government).toMatchObject({ valueMin: 25, statedOn: "2025-02-08", document: { title: "Kobé attack" } });
  expect(government.statement).toContain("25 civilians");
  const open = body.figures.find((f: { metric: string; category: string }) => f.metric === "killed" && f.category === "unspecified");
  expect(open.high).toBeNull();
});

test("GET /api/incidents filters and paginates by cursor", async ({ request }) => {
  const all = await (await request.get("/api/incidents")).json();
  expect(all.items.map((i: { code: string }) => i.code)).toContain("MLI-2025-0001");
  const item = all.items.find((i: { code: string }) => i.code === "MLI-2025-0001");
  expect(item).toMatchObject({
    title: expect.stringContaining("Kobé"),
    dateStart: "2025-02-07",
    dateEnd: "2025-02-07",
    latitude: 15.965,
    longitude: 0.23,
  });
  expect(item.figures.length).toBe(5);

  const inMali = await (
    await request.get("/api/incidents?bbox=-5,10,5,20&country=MLI&flag=contested&from=2025-02-01&to=2025-02-28")
  ).json();
  expect(inMali.items.map((i: { code: string }) => i.code)).toEqual(["MLI-2025-0001"]);
  const elsewhere = await (await request.get("/api/incidents?bbox=100,-10,110,0")).json();
  expect(elsewhere.items).toEqual([]);
  const later = await (await request.get("/api/incidents?from=2025-03-01")).json();
  expect(later.items).toEqual([]);

  const firstPage = await (await request.get("/api/incidents?limit=1")).json();
  expect(firstPage.items).toHaveLength(1);
});

test("bad query parameters get a 400 that names the parameter", async ({ request }) => {
  for (const [query, field] of [
    ["bbox=1,2,3", "bbox"],
    ["from=2025-02-30", "from"],
    ["limit=0", "limit"],
    ["grading=great", "grading"],
    ["flag=disputed", "flag"],
    ["country=Mali", "country"],
    ["cursor=not-a-cursor", "cursor"],
    ["colour=red", "colour"],
  ] as const) {
    const response = await request.get(`/api/incidents?${query}`);
    expect(response.status(), query).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.error.fields), query).toContain(field);
    expect(body.error.message).toContain(field);
  }
  const missing = await request.get("/api/incidents/MLI-2099-9999");
  expect(missing.status()).toBe(404);
  const malformed = await request.get("/api/incidents/kobe");
  expect(malformed.status()).toBe(400);
});
