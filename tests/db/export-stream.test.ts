// The export routes as Next runs them: the handler's body is a stream read chunk by chunk (one
// chunk per batch of incidents, pulled only when the reader asks), with provenance headers; a
// reader that stops early releases the database snapshot.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { FIGURES_COLUMNS } from "@/lib/export/columns";
import { csvRecords } from "./export-support";
import { createDatabase } from "./test-database";
import { GET as exportGet } from "@/app/api/export/[file]/route";
import { GET as manifestGet } from "@/app/api/export/manifest/route";

const INCIDENTS = 4500;
let db: Db;

beforeAll(async () => {
  const { url } = await createDatabase();
  // The route handlers use the app's own client, which reads DATABASE_URL on first use.
  process.env.DATABASE_URL = url;
  db = createPrismaClient(url);
  const ids = Array.from({ length: INCIDENTS }, () => randomUUID());
  for (let start = 0; start < INCIDENTS; start += 1000) {
    const part = ids.slice(start, start + 1000);
    await db.incident.createMany({
      data: part.map((id, i) => {
        const n = start + i + 1;
        return {
          id,
          code: `NER-2024-${String(n).padStart(5, "0")}`,
          title: n === 7 ? "=cmd|' /C calc'!A0" : `Synthetic incident ${n}, "quoted", with a comma`,
          dateStart: new Date(Date.UTC(2024, 0, 1 + (n % 365))),
          dateEnd: new Date(Date.UTC(2024, 0, 1 + (n % 365))),
          placeName: `Place ${n}`,
          countryIso3: "NER",
          latitude: 13 + (n % 100) / 100,
          longitude: -2 + (n % 100) / 50,
          eventType: "Battles",
          headlineLow: n % 10,
          headlineBest: (n % 10) + 1,
          headlineHigh: null,
        };
      }),
    });
    await db.reconciliation.createMany({
      data: part.flatMap((incidentId, i) =>
        (["civilians", "attackers", "unspecified"] as const).map((category) => ({
          incidentId,
          metric: "killed" as const,
          category,
          low: (start + i) % 10,
          best: ((start + i) % 10) + 1,
          high: category === "unspecified" ? null : ((start + i) % 10) + 2,
          method: "source_priority" as const,
          rationale: "Synthetic.",
          flags: category === "unspecified" ? ["open_ended" as const] : [],
          claimCount: 1,
          sourceCount: 1,
          independentSourceCount: 1,
        })),
      ),
    });
  }
  return () => db.$disconnect();
}, 120_000);

const call = (file: string, query = "") =>
  exportGet(new Request(`http://localhost/api/export/${file}${query}`), { params: Promise.resolve({ file }) });

describe("GET /api/export/{file}", () => {
  it("streams figures.csv in chunks, with provenance headers", async () => {
    const response = await call("figures.csv", "?country=NER");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="triangulate-figures-NER-[0-9a-f]{6}-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("x-triangulate-filter")).toBe("country=NER");
    expect(response.headers.get("x-triangulate-method")).toMatch(/^stored/);
    expect(response.headers.get("x-triangulate-version")).toMatch(/^\d+\.\d+\.\d+/);
    expect(response.headers.get("x-triangulate-data-version")).toMatch(/^incidents=4500; last-updated=\d{4}-/);

    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const chunks: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(decoder.decode(value, { stream: true }));
    }
    // The header, then the COPY's rows piece by piece as they come off the connection.
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks[0]).toBe(`${FIGURES_COLUMNS.join(",")}\r\n`);
    const rows = csvRecords(chunks.join(""));
    expect(rows).toHaveLength(INCIDENTS * 3);
    expect(rows[0]).toMatchObject({
      incident_code: "NER-2024-00001",
      title: 'Synthetic incident 1, "quoted", with a comma',
      metric: "killed",
      category: "civilians",
    });
    expect(rows.find((r) => r.incident_code === "NER-2024-00007")!.title).toBe("'=cmd|' /C calc'!A0");
    expect(rows.filter((r) => r.category === "unspecified").every((r) => r.high === "" && r.flags === "open_ended")).toBe(true);
  });

  it("reads no further than the client: a cancelled download releases its snapshot", async () => {
    const response = await call("claims.csv");
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^claim_id,incident_code,/);
    await reader.cancel();
    for (let i = 0; i < 50; i++) {
      const open = await db.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`;
      if (open[0]!.n === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the export's transaction is still open");
  });

  it("answers a bad parameter with 400 naming it, an unknown file with 404", async () => {
    const bad = await call("figures.csv", "?method=average");
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(["method"]);
    const noMethod = await call("claims.csv", "?method=median");
    expect(noMethod.status).toBe(400);
    expect((await noMethod.json()).error.message).toContain("method is not a known parameter");
    expect((await call("everything.xlsx")).status).toBe(404);
  });

  it("serves the manifest of the same bytes", async () => {
    const manifest = await (await manifestGet(new Request("http://localhost/api/export/manifest?file=figures.csv&country=NER"))).json();
    expect(manifest).toMatchObject({
      file: "figures.csv",
      filter: "country=NER",
      rows: INCIDENTS * 3,
      url: "/api/export/figures.csv?country=NER",
    });
    const body = Buffer.from(await (await call("figures.csv", "?country=NER")).arrayBuffer());
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(body).digest("hex")).toBe(manifest.sha256);
    expect(manifest.bytes).toBe(body.length);
    // Recomputing reads the claims, and these synthetic figures have none: no figure survives.
    const median = await (await manifestGet(new Request("http://localhost/api/export/manifest?file=figures.csv&method=median"))).json();
    expect(median).toMatchObject({
      method: expect.stringMatching(/^median \(of the single figures; with an even count the lower of the two middle ones/),
      rows: 0,
      url: "/api/export/figures.csv?method=median",
    });
    const missing = await manifestGet(new Request("http://localhost/api/export/manifest"));
    expect(missing.status).toBe(400);
  });
});
