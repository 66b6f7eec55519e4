// The claims import copies claims with the row triggers off only when that is safe and allowed,
// keeps what the foreign keys would have kept (claim-references.ts), and imports the same way
// with the triggers on when it may not.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { endRawPools, rememberDatabaseUrl } from "@/lib/db/raw-pg";
import { NotFoundError } from "@/lib/errors";
import { lockClaimReferences, mayCopyClaimsWithoutTriggers } from "@/lib/import/claim-references";
import { mergeIncidents } from "@/lib/incidents/incident-commands";
import { seedKobe } from "@/lib/seed/seed-database";
import { csv, importText } from "./import-support";
import { adminQuery, createDatabase } from "./test-database";

// Counts the imports' copies made with the triggers off.
const triggerless = vi.hoisted(() => ({ copies: 0 }));
vi.mock("@/lib/import/claim-references", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/import/claim-references")>();
  return {
    ...original,
    withoutRowTriggers: async (...args: Parameters<typeof original.withoutRowTriggers>) => {
      triggerless.copies++;
      return original.withoutRowTriggers(...args);
    },
  };
});

const CODE = "MLI-2025-0001";
const header = [
  "incident_code",
  "metric",
  "category",
  "value_min",
  "value_max",
  "qualifier",
  "statement",
  "claimant",
  "document_title",
  "claimant_kind",
] as const;
let url: string;
let db: Db;

async function connect(connectionString = url) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  return client;
}

beforeAll(async () => {
  ({ url } = await createDatabase());
  db = createPrismaClient(url);
  rememberDatabaseUrl(db, url);
  await seedKobe(db);
});
afterAll(async () => {
  await db.$disconnect();
});

/** Claims whose incident, claimant or document does not exist: what the foreign keys forbid. */
async function orphanClaims() {
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "Claim" c
      WHERE NOT EXISTS (SELECT 1 FROM "Incident" i WHERE i.id = c."incidentId")
         OR NOT EXISTS (SELECT 1 FROM "Source" s WHERE s.id = c."claimantId")
         OR (c."documentId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Document" d WHERE d.id = c."documentId"))`,
  );
  return row!.n;
}

describe("claims copied with the row triggers off", () => {
  it("are what the embedded database's import does, naming existing and new sources and documents, and leave no claim without its references", async () => {
    const client = await connect();
    try {
      expect(await mayCopyClaimsWithoutTriggers(client)).toBe(true);
    } finally {
      await client.end();
    }
    const document = await db.document.findFirstOrThrow({ include: { source: true } });
    const before = triggerless.copies;
    const withKind = await importText(
      db,
      "claims",
      csv(header, [
        [
          CODE,
          "killed",
          "civilians",
          "31",
          "31",
          "exact",
          "Thirty-one civilians were killed, a relay said.",
          document.source.slug,
          document.title,
          "",
        ],
        [
          CODE,
          "killed",
          "civilians",
          "29",
          "29",
          "exact",
          "Twenty-nine were killed, the new source said.",
          "a-new-source",
          "A new bulletin",
          "local_media",
        ],
      ]),
    );
    expect(withKind).toMatchObject({ imported: true, claimsCreated: 2, sourcesCreated: ["a-new-source"], documentsCreated: 1 });
    expect(triggerless.copies).toBeGreaterThan(before);
    const stored = await db.claim.findMany({
      where: { statement: { in: ["Thirty-one civilians were killed, a relay said.", "Twenty-nine were killed, the new source said."] } },
      include: { document: true, claimant: true },
    });
    expect(stored.map((c) => [c.claimant.slug, c.document?.title]).sort()).toEqual([
      ["a-new-source", "A new bulletin"],
      [document.source.slug, document.title],
    ]);
    expect(await orphanClaims()).toBe(0);
  });

  it("lock the sources and documents they name until the import commits, and fail naming one that is gone", async () => {
    const document = await db.document.findFirstOrThrow();
    const importer = await connect();
    const other = await connect();
    try {
      await importer.query("BEGIN");
      await lockClaimReferences(importer, [document.sourceId], [document.id]);
      // A delete must wait for the import, as it would for the foreign-key triggers' locks.
      await other.query("SET lock_timeout = '200ms'");
      await expect(other.query(`DELETE FROM "Document" WHERE id = $1`, [document.id])).rejects.toThrow(/lock timeout/);
      await expect(other.query(`UPDATE "Source" SET id = gen_random_uuid() WHERE id = $1`, [document.sourceId])).rejects.toThrow(
        /lock timeout/,
      );
      const gone = randomUUID();
      await expect(lockClaimReferences(importer, [document.sourceId], [gone])).rejects.toThrow(
        `Document ${gone} was deleted while this file was being imported`,
      );
    } finally {
      await importer.query("ROLLBACK").catch(() => {});
      await importer.end();
      await other.end();
    }
  });

  it("do not lock the incidents they are added to, which nobody may delete or merge until the import commits", async () => {
    const xmax = async () =>
      (await db.$queryRawUnsafe<{ xmax: string }[]>(`SELECT xmax::text AS xmax FROM "Incident" WHERE code = $1`, CODE))[0]!.xmax;
    const before = await xmax();
    const document = await db.document.findFirstOrThrow({ include: { source: true } });
    const summary = await importText(
      db,
      "claims",
      csv(header, [
        [CODE, "injured", "civilians", "3", "3", "exact", "Three were wounded, the relay added.", document.source.slug, document.title, ""],
      ]),
      { figures: "queue" },
    );
    expect(summary).toMatchObject({ imported: true, claimsCreated: 1, figuresQueued: 1 });
    // A row lock would have left the import's transaction id in the incident's xmax.
    expect(await xmax()).toBe(before);

    // What stands in for the locks: an import's advisory lock, which deleting or merging waits for.
    const importer = await connect();
    const other = await connect();
    try {
      await importer.query("BEGIN");
      await importer.query(`SELECT pg_advisory_xact_lock(hashtext('triangulate:import'))`);
      await other.query("SET lock_timeout = '200ms'");
      await expect(other.query(`DELETE FROM "Incident" WHERE code = 'XXX-2025-0001'`)).rejects.toThrow(/lock timeout/);
      await expect(other.query(`UPDATE "Incident" SET "mergedIntoId" = NULL WHERE code = 'XXX-2025-0001'`)).rejects.toThrow(/lock timeout/);
      // Other edits of incidents go on.
      expect((await other.query(`UPDATE "Incident" SET title = title WHERE code = $1`, [CODE])).rowCount).toBe(1);
      // The app's merge says why, before it locks or moves anything.
      await expect(
        mergeIncidents(db, CODE, { targetCode: "XXX-2025-0001", expectedVersion: 1, targetExpectedVersion: 1 }, null),
      ).rejects.toThrow(/A file is being imported/);
      await importer.query("ROLLBACK");
      expect((await other.query(`DELETE FROM "Incident" WHERE code = 'XXX-2025-0001'`)).rowCount).toBe(0);
      await expect(
        mergeIncidents(db, CODE, { targetCode: "XXX-2025-0001", expectedVersion: 1, targetExpectedVersion: 1 }, null),
      ).rejects.toThrow(NotFoundError);
    } finally {
      await importer.query("ROLLBACK").catch(() => {});
      await importer.end();
      await other.end();
    }
  });

  it("are not used when the claims table has a trigger of its own or a foreign key the import does not keep, or incidents lack their guard", async () => {
    const { url: scratchUrl } = await createDatabase();
    const client = await connect(scratchUrl);
    try {
      expect(await mayCopyClaimsWithoutTriggers(client)).toBe(true);
      // Nor when incidents may be deleted or merged under the import.
      await client.query(`ALTER TABLE "Incident" DISABLE TRIGGER "Incident_waits_for_imports"`);
      expect(await mayCopyClaimsWithoutTriggers(client)).toBe(false);
      await client.query(`ALTER TABLE "Incident" ENABLE TRIGGER "Incident_waits_for_imports"`);
      expect(await mayCopyClaimsWithoutTriggers(client)).toBe(true);
      await client.query(`CREATE FUNCTION claim_noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`);
      await client.query(`CREATE TRIGGER claim_noop BEFORE INSERT ON "Claim" FOR EACH ROW EXECUTE FUNCTION claim_noop()`);
      expect(await mayCopyClaimsWithoutTriggers(client)).toBe(false);
      await client.query(`DROP TRIGGER claim_noop ON "Claim"`);
      expect(await mayCopyClaimsWithoutTriggers(client)).toBe(true);
      await client.query(`ALTER TABLE "Claim" ADD COLUMN "reviewerId" uuid REFERENCES "User"(id)`);
      expect(await mayCopyClaimsWithoutTriggers(client)).toBe(false);
    } finally {
      await client.end();
    }
  });
});

describe("a role that may not turn the triggers off", () => {
  const role = `importer_${randomUUID().replace(/-/g, "").slice(0, 8)}`;
  let limited: Db;
  let limitedUrl: string;
  beforeAll(async () => {
    await adminQuery(`CREATE ROLE ${role} LOGIN PASSWORD 'limited-role'`);
    const admin = await connect();
    try {
      await admin.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
      await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
      await admin.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    } finally {
      await admin.end();
    }
    const u = new URL(url);
    u.username = role;
    u.password = "limited-role";
    limitedUrl = u.toString();
    limited = createPrismaClient(limitedUrl);
    rememberDatabaseUrl(limited, limitedUrl);
  });
  afterAll(async () => {
    await limited.$disconnect();
    await endRawPools();
    // The role's grants live in this database: drop them there, then the role.
    const admin = await connect();
    try {
      await admin.query(`DROP OWNED BY ${role}`);
    } finally {
      await admin.end();
    }
    await adminQuery(`DROP ROLE ${role}`);
  });

  it("imports with the triggers on, and the claims are the same", async () => {
    const client = await connect(limitedUrl);
    try {
      expect(await mayCopyClaimsWithoutTriggers(client)).toBe(false);
    } finally {
      await client.end();
    }
    const document = await db.document.findFirstOrThrow({ include: { source: true } });
    const before = triggerless.copies;
    const summary = await importText(
      limited,
      "claims",
      csv(header, [
        [
          CODE,
          "injured",
          "civilians",
          "12",
          "12",
          "exact",
          "Twelve passengers were wounded, the relay said.",
          document.source.slug,
          document.title,
          "",
        ],
      ]),
    );
    expect(summary).toMatchObject({ imported: true, claimsCreated: 1 });
    expect(triggerless.copies).toBe(before);
    const stored = await db.claim.findFirstOrThrow({ where: { statement: "Twelve passengers were wounded, the relay said." } });
    expect(stored).toMatchObject({ documentId: document.id, claimantId: document.sourceId });
    expect(await orphanClaims()).toBe(0);
  });
});
