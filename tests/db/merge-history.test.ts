// After a merge, the surviving incident's history shows what happened to the merged one too
// (its creation, its claims), each entry marked with the merged incident's code; and the history
// is read from each incident's own index however the audit log is spread across incidents.
import { beforeAll, describe, expect, it } from "vitest";
import { addClaim } from "@/lib/claims/claim-commands";
import { createPrismaClient, type Db } from "@/lib/db";
import { historyEventsSql, historyRevisionsSql, incidentHistory } from "@/lib/incidents/incident-history-queries";
import { createIncident, mergeIncidents } from "@/lib/incidents/incident-commands";
import { seedKobe } from "@/lib/seed/seed-database";
import { createDocument, createSource } from "@/lib/sources/source-commands";
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

/** Where the test incidents are: Kobé's day and place. */
const place = { dateStart: "2025-02-07", placeName: "Kobé", countryIso3: "MLI", latitude: 16, longitude: 0.2, eventType: "Battles" };

describe("history after a merge", () => {
  it("the surviving incident lists the merged incident's own events, marked with its code", async () => {
    const duplicate = await createIncident(
      db,
      {
        title: "Kobé convoy (entered twice)",
        dateStart: "2025-02-07",
        placeName: "Kobé",
        countryIso3: "MLI",
        latitude: 16,
        longitude: 0.2,
        eventType: "Violence against civilians",
      },
      null,
    );
    const witness = await createSource(db, { slug: "merge-witness", name: "A survivor", kind: "witness" }, null);
    const doc = await createDocument(db, { sourceId: witness.id, title: "Interview after the attack", relaysSourceIds: [] }, null);
    await addClaim(
      db,
      {
        incidentCode: duplicate.code,
        claimantId: witness.id,
        documentId: doc.id,
        metric: "killed",
        category: "civilians",
        valueMin: 36,
        valueMax: 36,
        qualifier: "exact",
        statement: "36 civilians were killed.",
      },
      null,
    );
    const kobe = await db.incident.findUniqueOrThrow({ where: { code: "MLI-2025-0001" } });
    await mergeIncidents(db, duplicate.code, { targetCode: kobe.code, expectedVersion: 1, targetExpectedVersion: kobe.version }, null);

    const { entries } = await incidentHistory(kobe.id);
    const fromDuplicate = entries.filter((e) => e.mergedFrom === duplicate.code);
    const actions = fromDuplicate.flatMap((e) => (e.kind === "audit" ? [e.action] : []));
    expect(actions).toEqual(expect.arrayContaining(["incident.create", "claim.create"]));
    // Kobé's own entries carry no mark.
    expect(entries.some((e) => e.mergedFrom === undefined && e.kind === "audit")).toBe(true);
  });

  it("follows merges two levels deep, and names who made each change and each figure revision", async () => {
    const inner = await createIncident(db, { title: "Kobé (a third entry)", ...place }, null);
    const middle = await createIncident(db, { title: "Kobé (a fourth entry)", ...place }, null);
    await mergeIncidents(db, inner.code, { targetCode: middle.code, expectedVersion: 1, targetExpectedVersion: 1 }, null);
    const middleNow = await db.incident.findUniqueOrThrow({ where: { code: middle.code } });
    const kobe = await db.incident.findUniqueOrThrow({ where: { code: "MLI-2025-0001" } });
    await mergeIncidents(
      db,
      middle.code,
      { targetCode: kobe.code, expectedVersion: middleNow.version, targetExpectedVersion: kobe.version },
      null,
    );

    const editor = await db.user.create({ data: { email: "history-editor@example.org", name: "Aminata Editor", role: "editor" } });
    const hrw = await db.source.findUniqueOrThrow({ where: { slug: "hrw" } });
    await addClaim(
      db,
      {
        incidentCode: kobe.code,
        claimantId: hrw.id,
        metric: "injured",
        category: "civilians",
        valueMin: 12,
        valueMax: 12,
        qualifier: "exact",
        statement: "12 civilians were injured.",
      },
      editor.id,
    );

    const { entries } = await incidentHistory(kobe.id);
    const created = (code: string) => entries.some((e) => e.kind === "audit" && e.action === "incident.create" && e.mergedFrom === code);
    expect(created(inner.code)).toBe(true);
    expect(created(middle.code)).toBe(true);
    const claimEntry = entries.find((e) => e.kind === "audit" && e.action === "claim.create" && e.actorName === "Aminata Editor");
    expect(claimEntry).toBeDefined();
    const revision = entries.find((e) => e.kind === "revision" && e.metric === "injured" && e.category === "civilians");
    expect(revision).toMatchObject({ actorName: "Aminata Editor" });
    // Newest first.
    const times = entries.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

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
