// After a merge, the surviving incident's history shows what happened to the merged one too
// (its creation, its claims), each entry marked with the merged incident's code.
import { beforeAll, describe, expect, it } from "vitest";
import { addClaim } from "@/lib/claims/claim-commands";
import { createPrismaClient, type Db } from "@/lib/db";
import { incidentHistory } from "@/lib/incidents/incident-history-queries";
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
    const place = { dateStart: "2025-02-07", placeName: "Kobé", countryIso3: "MLI", latitude: 16, longitude: 0.2, eventType: "Battles" };
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
