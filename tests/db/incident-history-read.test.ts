// The change history on the incident page: the newest entries of the incident and of those merged
// into it, read from each incident's own index however the audit log is spread across incidents.
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { historyEventsSql, historyRevisionsSql, incidentHistory } from "@/lib/incidents/incident-history-queries";
import { createIncident, mergeIncidents } from "@/lib/incidents/incident-commands";
import { seedKobe } from "@/lib/seed/seed-database";
import { createDatabase } from "./test-database";

let db: Db;
beforeAll(async () => {
  const { url } = await createDatabase();
  // incidentHistory reads through the app's own client, which follows DATABASE_URL.
  process.env.DATABASE_URL = url;
  db = createPrismaClient(url);
  await seedKobe(db);
  return () => db.$disconnect();
});

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

const place = { dateStart: "2025-02-07", placeName: "Kobé", countryIso3: "MLI", latitude: 16, longitude: 0.2, eventType: "Battles" };

describe("reading an incident's history", () => {
  it("keeps the newest entries across the incident and the one merged into it, newest first", async () => {
    const survivor = await createIncident(db, { title: "History survivor", ...place }, null);
    const merged = await createIncident(db, { title: "History merged", ...place }, null);
    await mergeIncidents(db, merged.code, { targetCode: survivor.code, expectedVersion: 1, targetExpectedVersion: 1 }, null);
    // Ten events each, interleaved in time: the newest five alternate between the two incidents.
    await db.$executeRaw`
      INSERT INTO "AuditEvent" (at, action, "entityType", "entityId", "incidentId")
      SELECT timestamp '2030-01-01' + n * interval '1 minute', 'test.event' || n, 'Incident', n::text,
             CASE WHEN n % 2 = 0 THEN ${survivor.id}::uuid ELSE ${merged.id}::uuid END
      FROM generate_series(1, 20) n`;

    const { entries, truncated } = await incidentHistory(survivor.id, 5);
    expect(truncated).toBe(true);
    expect(entries.map((e) => (e.kind === "audit" ? e.action : e.kind))).toEqual([
      "test.event20",
      "test.event19",
      "test.event18",
      "test.event17",
      "test.event16",
    ]);
    expect(entries.map((e) => e.mergedFrom)).toEqual([undefined, merged.code, undefined, merged.code, undefined]);
  });

  it("reads each incident's entries from its index even when a few incidents hold most of the log", async () => {
    // Three much-edited incidents with 10,000 events each: estimated from the table's few distinct
    // incident ids, `"incidentId" IN (…)` made PostgreSQL scan the whole table for any incident.
    const hot = await Promise.all([1, 2, 3].map((n) => createIncident(db, { title: `Much-edited incident ${n}`, ...place }, null)));
    for (const incident of hot) {
      await db.$executeRaw`
        INSERT INTO "AuditEvent" (at, action, "entityType", "entityId", "incidentId")
        SELECT now() - n * interval '1 second', 'claim.update', 'Claim', n::text, ${incident.id}::uuid FROM generate_series(1, 10000) n`;
      await db.$executeRaw`
        INSERT INTO "ReconciliationRevision" (id, "incidentId", metric, category, at)
        SELECT gen_random_uuid(), ${incident.id}::uuid, 'killed', 'civilians', now() - n * interval '1 second' FROM generate_series(1, 10000) n`;
    }
    await db.$executeRawUnsafe(`ANALYZE "AuditEvent", "ReconciliationRevision"`);
    const kobe = await db.incident.findUniqueOrThrow({ where: { code: "MLI-2025-0001" } });

    for (const [sql, table, index] of [
      [historyEventsSql(kobe.id, 200), "AuditEvent", "AuditEvent_incidentId_at_idx"],
      [historyRevisionsSql(kobe.id, 200), "ReconciliationRevision", "ReconciliationRevision_incidentId_at_idx"],
    ] as const) {
      const explained = await db.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(
        `EXPLAIN (FORMAT JSON) ${sql.text}`,
        ...sql.values,
      );
      const nodes = nodesOf(explained[0]!["QUERY PLAN"][0].Plan);
      const reads = nodes.filter((n) => n["Relation Name"] === table);
      expect(reads.map((n) => n["Node Type"])).not.toContain("Seq Scan");
      expect(reads.map((n) => n["Index Name"])).toContain(index);
    }
    // And the much-edited incidents' own histories stop at the limit.
    const { entries, truncated } = await incidentHistory(hot[0]!.id, 200);
    expect(entries).toHaveLength(200);
    expect(truncated).toBe(true);
  });
});
