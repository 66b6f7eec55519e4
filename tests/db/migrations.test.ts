import { describe, expect, it } from "vitest";
import { migrateDeploy } from "@/lib/db/migrate";
import { adminQuery, createDatabase } from "./test-database";
import pg from "pg";
import fs from "node:fs";

describe("migrations", () => {
  it("apply to an empty database and create every table, enum and check", async () => {
    const { url } = await createDatabase({ template: null });
    await migrateDeploy(url, { quiet: true });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const applied = await client.query(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
      );
      const committed = fs
        .readdirSync("prisma/migrations")
        .filter((d) => /^\d/.test(d))
        .sort();
      expect(applied.rows.map((r) => r.migration_name)).toEqual(committed);
      const tables = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining([
          "Incident",
          "Source",
          "Document",
          "DocumentRelay",
          "Claim",
          "Reconciliation",
          "ReconciliationRevision",
          "ReconciliationDecision",
          "User",
          "AuditEvent",
          "Session",
        ]),
      );
      const metric = await client.query(`SELECT unnest(enum_range(NULL::"Metric"))::text AS v`);
      expect(metric.rows.map((r) => r.v)).toEqual(["killed", "injured", "killed_or_injured", "missing", "abducted"]);
      // The CHECK constraints hold whatever writes to the table.
      await expect(
        client.query(
          `INSERT INTO "Incident" (id, code, title, "dateStart", "dateEnd", "placeName", "countryIso3", latitude, longitude, "eventType", "updatedAt") VALUES (gen_random_uuid(), 'X-1', 't', '2025-01-02', '2025-01-01', 'p', 'MLI', 0, 0, 'e', now())`,
        ),
      ).rejects.toThrow(/Incident_dates_check/);
      await expect(
        client.query(
          `INSERT INTO "Incident" (id, code, title, "dateStart", "dateEnd", "placeName", "countryIso3", latitude, longitude, "eventType", "updatedAt", "locationPrecision") VALUES (gen_random_uuid(), 'X-2', 't', '2025-01-01', '2025-01-01', 'p', 'MLI', 0, 0, 'e', now(), 9)`,
        ),
      ).rejects.toThrow(/locationPrecision/);
      // Claim's supersedesId and documentId indexes leave NULLs out; a claim is still superseded at most once.
      const partial = await client.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('Claim_supersedesId_key', 'Claim_documentId_idx') ORDER BY 1`,
      );
      expect(partial.rows.map((r) => [r.indexname, / WHERE \("\w+" IS NOT NULL\)$/.test(r.indexdef)])).toEqual([
        ["Claim_documentId_idx", true],
        ["Claim_supersedesId_key", true],
      ]);
      await client.query(
        `INSERT INTO "Incident" (id, code, title, "dateStart", "dateEnd", "placeName", "countryIso3", latitude, longitude, "eventType", "updatedAt") VALUES ('00000000-0000-4000-8000-0000000000a1', 'X-3', 't', '2025-01-01', '2025-01-01', 'p', 'MLI', 0, 0, 'e', now())`,
      );
      await client.query(
        `INSERT INTO "Source" (id, slug, name, kind, "updatedAt") VALUES ('00000000-0000-4000-8000-0000000000b1', 'x-source', 'X', 'ngo', now())`,
      );
      const claim = (id: string, supersedes: string | null) =>
        client.query(
          `INSERT INTO "Claim" (id, "incidentId", "claimantId", metric, category, "valueMin", qualifier, statement, "supersedesId", "updatedAt") VALUES ($1, '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1', 'killed', 'civilians', 1, 'exact', 'One died.', $2, now())`,
          [id, supersedes],
        );
      await claim("00000000-0000-4000-8000-0000000000c1", null);
      await claim("00000000-0000-4000-8000-0000000000c2", "00000000-0000-4000-8000-0000000000c1");
      await expect(claim("00000000-0000-4000-8000-0000000000c3", "00000000-0000-4000-8000-0000000000c1")).rejects.toThrow(
        /Claim_supersedesId_key/,
      );
    } finally {
      await client.end();
    }
  }, 120_000);

  it("are idempotent: deploying twice applies nothing new", async () => {
    const { url, name } = await createDatabase({ template: null });
    await migrateDeploy(url, { quiet: true });
    const before = await adminQuery(`SELECT count(*)::int AS n FROM pg_database WHERE datname = $1`, [name]);
    expect(before.rows[0].n).toBe(1);
    const output = await import("@/lib/db/migrate").then((m) => m.runPrisma(["migrate", "deploy"], url, { quiet: true }));
    expect(output).toMatch(/No pending migrations/);
    // Two whole deploys: ~20 s each on a loaded 2-core machine.
  }, 120_000);
});
