// The incident page's read (lib/incidents/incident-detail-read.ts) equals Prisma's nested include
// of the same relations, on incidents with documents and relays, claims without a document, a
// superseded, a retracted and an assessed claim, actors, and queued figures.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addClaim, assessClaim, retractClaim, supersedeClaim } from "@/lib/claims/claim-commands";
import { createPrismaClient, type Db } from "@/lib/db";
import { readIncidentDetail, type IncidentDetailRecord } from "@/lib/incidents/incident-detail-read";
import { seedKobe } from "@/lib/seed/seed-database";
import { createDatabase } from "./test-database";

vi.mock("server-only", () => ({}));

const KOBE = "MLI-2025-0001";
const OTHER = "MLI-2024-0301";
let db: Db;

/** The reference: Prisma's nested include, as the page read it before. */
async function viaInclude(code: string) {
  const incident = await db.incident.findUnique({
    where: { code },
    include: {
      actors: { orderBy: [{ role: "asc" }, { name: "asc" }] },
      figures: true,
      claims: {
        orderBy: [{ metric: "asc" }, { category: "asc" }, { statedOn: "asc" }, { createdAt: "asc" }],
        include: {
          claimant: true,
          document: { include: { source: true, relays: { include: { source: true } } } },
          supersededBy: { select: { id: true } },
        },
      },
    },
  });
  if (!incident) return null;
  const [pending] = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT min("requestedAt") AS at FROM "FigureRefreshRequest" WHERE "incidentId" = ${incident.id}::uuid`;
  return { ...incident, figuresPendingSince: pending?.at ?? null };
}

/** Both reads with the orders Prisma leaves unspecified: figures (the pages sort them), and ties among claims entered the same instant. */
function comparable(detail: IncidentDetailRecord) {
  return {
    ...detail,
    figures: [...detail.figures].sort((a, b) => a.id.localeCompare(b.id)),
    claims: [...detail.claims].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

async function expectSameAsInclude(code: string) {
  const read = await readIncidentDetail(db, code);
  const reference = await viaInclude(code);
  expect(read).not.toBeNull();
  expect(comparable(read!)).toEqual(comparable(reference!));
  // The claims come in the page's order: metric, category, then the day stated (unknown last), then entry.
  const key = (c: IncidentDetailRecord["claims"][number]) => [c.metric, c.category];
  const metrics = ["killed", "injured", "killed_or_injured", "missing", "abducted"];
  for (let i = 1; i < read!.claims.length; i++) {
    const [a, b] = [read!.claims[i - 1]!, read!.claims[i]!];
    const order = metrics.indexOf(a.metric) - metrics.indexOf(b.metric);
    expect(order, `${key(a)} before ${key(b)}`).toBeLessThanOrEqual(0);
    if (order === 0 && a.category === b.category && a.statedOn && b.statedOn)
      expect(a.statedOn.getTime()).toBeLessThanOrEqual(b.statedOn.getTime());
    if (order === 0 && a.category === b.category && !a.statedOn) expect(b.statedOn).toBeNull();
  }
  return read!;
}

beforeAll(async () => {
  db = createPrismaClient((await createDatabase()).url);
  await seedKobe(db);
  await db.incident.create({
    data: {
      code: OTHER,
      title: "Test incident without documents",
      dateStart: new Date("2024-03-01"),
      dateEnd: new Date("2024-03-02"),
      placeName: "Gao",
      countryIso3: "MLI",
      latitude: 16.27,
      longitude: -0.04,
      eventType: "Battles",
    },
  });
});
afterAll(async () => {
  await db.$disconnect();
});

describe("readIncidentDetail", () => {
  it("reads Kobé as the nested include does: documents, relays, actors, figures", async () => {
    const kobe = await expectSameAsInclude(KOBE);
    expect(kobe.claims.length).toBeGreaterThanOrEqual(5);
    expect(kobe.actors.length).toBeGreaterThan(0);
    expect(kobe.figures.length).toBeGreaterThan(0);
    // Relays in the order they were recorded (the seed's), as the include returned them.
    const wikipedia = kobe.claims.find((c) => c.document?.source.name === "Wikipedia")!.document!;
    expect(wikipedia.relays.map((r) => r.source.slug)).toEqual(["hrw", "afp", "rfi", "mali-government"]);
    // The enum arrays come as arrays, not as PostgreSQL's text "{a,b}".
    expect(Array.isArray(kobe.flags)).toBe(true);
    expect(kobe.figures.every((f) => Array.isArray(f.flags) && Array.isArray(f.usedClaimIds))).toBe(true);
    expect(kobe.dateStart).toEqual(new Date("2025-02-07T00:00:00Z"));
    expect(kobe.figuresPendingSince).toBeNull();
  });

  it("follows a superseded, a retracted and an assessed claim, a claim without a document, and queued figures", async () => {
    const kobe = await db.incident.findUniqueOrThrow({ where: { code: KOBE } });
    const gov = await db.claim.findFirstOrThrow({
      where: { incidentId: kobe.id, claimant: { slug: "mali-government" }, category: "civilians" },
    });
    const { claim: later } = await supersedeClaim(
      db,
      {
        claimId: gov.id,
        expectedVersion: gov.version,
        metric: "killed",
        category: "civilians",
        valueMin: 32,
        valueMax: 32,
        qualifier: "exact",
        statement: "A later statement put the toll at 32 civilians.",
        statedOn: "2025-02-20",
      },
      null,
    );
    const hrw = await db.claim.findFirstOrThrow({ where: { incidentId: kobe.id, claimant: { slug: "hrw" } } });
    await retractClaim(db, { claimId: hrw.id, expectedVersion: hrw.version, reason: "Entered on the wrong incident." }, null);
    const afp = await db.claim.findFirstOrThrow({ where: { incidentId: kobe.id, claimant: { slug: "afp" } } });
    await assessClaim(db, { claimId: afp.id, expectedVersion: afp.version, assessment: "not_credible", reason: "Test reason." }, null);
    const source = await db.source.findUniqueOrThrow({ where: { slug: "rfi" } });
    await addClaim(
      db,
      {
        incidentCode: OTHER,
        claimantId: source.id,
        metric: "injured",
        category: "unspecified",
        valueMin: 4,
        valueMax: null,
        qualifier: "at_least",
        statement: "At least 4 people were injured.",
      },
      null,
    );
    const other = await db.incident.findUniqueOrThrow({ where: { code: OTHER } });
    await db.$executeRaw`INSERT INTO "FigureRefreshRequest" ("incidentId") VALUES (${other.id}::uuid)`;

    const read = await expectSameAsInclude(KOBE);
    expect(read.claims.find((c) => c.id === gov.id)!.supersededBy).toEqual({ id: later!.id });
    expect(read.claims.find((c) => c.id === hrw.id)!.retractedAt).toBeInstanceOf(Date);
    expect(read.claims.find((c) => c.id === afp.id)!.assessment).toBe("not_credible");
    const otherRead = await expectSameAsInclude(OTHER);
    expect(otherRead.claims).toHaveLength(1);
    expect(otherRead.claims[0]!.document).toBeNull();
    expect(otherRead.claims[0]!.valueMax).toBeNull();
    expect(otherRead.figuresPendingSince).toBeInstanceOf(Date);
  });

  it("answers null for a code no incident has", async () => {
    expect(await readIncidentDetail(db, "MLI-1999-9999")).toBeNull();
  });
});
