// The one filter model drives the list (Prisma), and the map and timeline (SQL aggregates): both
// forms must select the same incidents. The list sorts and pages by cursor without gaps or repeats.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { incidentFilterSql } from "@/lib/incidents/incident-filter-sql";
import { incidentWhere, listIncidents } from "@/lib/incidents/incident-queries";
import { seedKobe } from "@/lib/seed/seed-database";
import { parseIncidentFilter, type IncidentFilter } from "@/lib/validation/incident-filter";
import { addSyntheticClaim, insertIncidents, random, type SyntheticIncident } from "./synthetic-incidents";
import { useTestDb } from "./test-database";
import { vi } from "vitest";

let db: Db;

// listIncidents reads through the app's shared client; point it at this file's database.
vi.mock("@/lib/db", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/db")>();
  return {
    ...original,
    get db() {
      return db;
    },
  };
});

const rand = random(7);
const COUNTRIES = ["MLI", "BFA", "NER"];
const ADMIN1 = ["Gao", "Sahel", "Tillabéri", null];
const EVENT_TYPES = ["Battles", "Violence against civilians", "Explosions/Remote violence"];
const GRADINGS = ["confirmed", "fair", "weak", "contested"] as const;

const synthetic: SyntheticIncident[] = Array.from({ length: 60 }, (_, n) => {
  const best = n % 7 === 0 ? null : Math.floor(rand() * 80);
  return {
    code: `SYN-2024-${String(n + 1).padStart(4, "0")}`,
    // Several incidents share a date so the id tie-breaker is exercised.
    dateStart: `2024-${String((n % 12) + 1).padStart(2, "0")}-${String((n % 3) * 10 + 1).padStart(2, "0")}`,
    countryIso3: COUNTRIES[n % 3]!,
    admin1: ADMIN1[n % 4]!,
    latitude: 10 + rand() * 10,
    longitude: -5 + rand() * 10,
    eventType: EVENT_TYPES[n % 3]!,
    grading: GRADINGS[n % 4]!,
    flags: n % 5 === 0 ? ["contested"] : n % 5 === 1 ? ["single_source", "parties_only"] : [],
    headline: best === null ? null : { low: Math.max(0, best - 5), best, high: n % 6 === 0 ? null : best + 3, contested: n % 5 === 0 },
    actors: n % 4 === 0 ? ["JNIM"] : n % 4 === 1 ? ["Islamic State Sahel Province", "Wagner Group"] : [],
  };
});

beforeAll(async () => {
  db = await useTestDb();
  await seedKobe(db);
  await insertIncidents(db, [
    ...synthetic,
    // Merged into Kobé: must never be listed, drawn or counted.
    {
      code: "SYN-2025-0999",
      dateStart: "2025-02-07",
      countryIso3: "MLI",
      latitude: 15.9,
      longitude: 0.2,
      headline: { low: 30, best: 30, high: 30 },
      mergedIntoCode: "MLI-2025-0001",
    },
  ]);
  await addSyntheticClaim(db, "SYN-2024-0002", "afp", 12);
  await addSyntheticClaim(db, "SYN-2024-0003", "afp", 5, { retracted: true });
  await addSyntheticClaim(db, "SYN-2024-0004", "mali-government", 9);
});

async function codesByPrisma(filter: IncidentFilter): Promise<string[]> {
  return (await db.incident.findMany({ where: incidentWhere(filter), select: { code: true }, orderBy: { code: "asc" } })).map(
    (r) => r.code,
  );
}

async function codesBySql(filter: IncidentFilter): Promise<string[]> {
  const rows = await db.$queryRaw<
    { code: string }[]
  >`SELECT i."code" FROM "Incident" i WHERE ${incidentFilterSql(filter)} ORDER BY i."code" COLLATE "C"`;
  return rows.map((r) => r.code).sort();
}

const f = (query: string) => parseIncidentFilter(new URLSearchParams(query));

describe("the filter, as Prisma and as SQL", () => {
  const cases: [string, (codes: string[]) => void][] = [
    ["", (codes) => expect(codes).toHaveLength(61)],
    ["country=mli", (codes) => expect(codes).toContain("MLI-2025-0001")],
    ["admin1=gao", (codes) => expect(codes).toEqual(expect.arrayContaining(["MLI-2025-0001", "SYN-2024-0001"]))],
    ["admin1=Sahel,Tillabéri", (codes) => expect(codes).toHaveLength(30)],
    ["eventType=Battles&grading=confirmed,weak", (codes) => expect(codes.length).toBeGreaterThan(0)],
    ["actor=isgs", (codes) => expect(codes).toEqual(["MLI-2025-0001"])],
    ["actor=wagner", (codes) => expect(codes).toHaveLength(16)],
    ["actor=jnim&country=BFA", (codes) => expect(codes.length).toBeGreaterThan(0)],
    ["claimant=hrw", (codes) => expect(codes).toEqual(["MLI-2025-0001"])],
    ["claimant=afp", (codes) => expect(codes).toEqual(["MLI-2025-0001", "SYN-2024-0002"])],
    ["claimantKind=government", (codes) => expect(codes).toEqual(["MLI-2025-0001", "SYN-2024-0004"])],
    ["claimantKind=wire_agency,ngo&claimant=rfi", (codes) => expect(codes).toEqual(["MLI-2025-0001"])],
    ["flag=contested", (codes) => expect(codes).toContain("MLI-2025-0001")],
    ["flag=parties_only,single_source", (codes) => expect(codes.length).toBeGreaterThan(12)],
    ["minKilled=53", (codes) => expect(codes).toContain("MLI-2025-0001")],
    ["minKilled=54&country=MLI", (codes) => expect(codes).not.toContain("MLI-2025-0001")],
    ["from=2025-02-07&to=2025-02-07", (codes) => expect(codes).toEqual(["MLI-2025-0001"])],
    ["from=2024-03-01&to=2024-04-30", (codes) => expect(codes.length).toBe(10)],
    ["bbox=-1,15,1,17", (codes) => expect(codes).toContain("MLI-2025-0001")],
    ["bbox=170,-10,-170,10", (codes) => expect(codes).toEqual([])],
  ];
  for (const [query, check] of cases) {
    it(`selects the same incidents for "${query || "no filter"}"`, async () => {
      const filter = f(query);
      const prisma = await codesByPrisma(filter);
      expect(await codesBySql(filter)).toEqual(prisma);
      check(prisma);
    });
  }

  it("never selects a merged incident", async () => {
    expect(await codesByPrisma(f(""))).not.toContain("SYN-2025-0999");
    expect(await codesBySql(f("minKilled=30&from=2025-02-01"))).toEqual(["MLI-2025-0001"]);
  });
});

describe("the incident list", () => {
  async function allPages(query: string, limit: number): Promise<string[]> {
    const codes: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const { sort, ...filter } = Object.fromEntries(new URLSearchParams(query)) as {
        sort?: "newest" | "oldest" | "most_killed" | "fewest_killed";
      };
      const result = await listIncidents({
        ...parseIncidentFilter(new URLSearchParams(filter as Record<string, string>)),
        sort,
        limit,
        cursor,
      });
      codes.push(...result.items.map((i) => i.code));
      if (!result.nextCursor) return codes;
      cursor = result.nextCursor;
    }
    throw new Error("pagination did not end");
  }

  for (const sort of ["newest", "oldest", "most_killed", "fewest_killed"] as const) {
    it(`pages through every incident by cursor, sorted ${sort}, without gaps or repeats`, async () => {
      const paged = await allPages(`sort=${sort}`, 7);
      const whole = (await listIncidents({ sort, limit: 500 })).items;
      expect(paged).toEqual(whole.map((i) => i.code));
      expect(new Set(paged).size).toBe(61);
      const bests = whole.map((i) => i.headline?.best ?? null);
      const known = bests.filter((b): b is number => b !== null);
      // Incidents without a killed figure come last in both killed orders.
      if (sort === "most_killed" || sort === "fewest_killed") {
        expect(bests.slice(known.length).every((b) => b === null)).toBe(true);
        expect(known).toEqual([...known].sort((a, b) => (sort === "most_killed" ? b - a : a - b)));
      } else {
        const dates = whole.map((i) => i.dateStart);
        expect(dates).toEqual([...dates].sort((a, b) => (sort === "newest" ? b.localeCompare(a) : a.localeCompare(b))));
      }
    });
  }

  it("pages a filtered list the same way", async () => {
    expect(await allPages("sort=most_killed&country=BFA", 4)).toEqual(
      (await listIncidents({ ...f("country=BFA"), sort: "most_killed", limit: 500 })).items.map((i) => i.code),
    );
  });

  it("refuses a cursor issued for another order", async () => {
    const { nextCursor } = await listIncidents({ sort: "newest", limit: 2 });
    await expect(listIncidents({ sort: "oldest", limit: 2, cursor: nextCursor! })).rejects.toThrow(AppError);
  });
});
