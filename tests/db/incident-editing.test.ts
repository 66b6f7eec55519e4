import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { createIncident, mergeIncidents, updateIncident } from "@/lib/incidents/incident-commands";
import { createDocument, createSource } from "@/lib/sources/source-commands";
import { addClaim } from "@/lib/claims/claim-commands";
import { seedKobe } from "@/lib/seed/seed-database";
import { useTestDb } from "./test-database";

let db: Db;
beforeAll(async () => {
  db = await useTestDb();
  await seedKobe(db);
});

const base = {
  title: "Ambush on the Gao road",
  summary: "Test incident.",
  dateStart: "2025-02-09",
  dateEnd: "2025-02-09",
  placeName: "Test place",
  countryIso3: "MLI",
  latitude: 16.0,
  longitude: 0.2,
  locationPrecision: 2,
  eventType: "Battles",
  actors: [{ name: "Test group", role: "alleged_perpetrator" as const }],
};

describe("creating and editing incidents", () => {
  it("creates an incident with the next free code for its country and year, and audits it", async () => {
    const incident = await createIncident(db, base, null);
    expect(incident.code).toBe("MLI-2025-0002");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: incident.id, action: "incident.create" } });
    expect((event.after as { title: string }).title).toBe(base.title);
  });

  it("refuses a stale version with 409 and the newer values, keeping what was saved", async () => {
    const incident = await createIncident(db, { ...base, title: "Second test incident" }, null);
    await updateIncident(db, incident.code, { ...base, title: "Edited by editor one", expectedVersion: 1 }, null);
    const error = await updateIncident(db, incident.code, { ...base, title: "Edited by editor two", expectedVersion: 1 }, null).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({ title: "Edited by editor one", version: 2 });
    expect((await db.incident.findUniqueOrThrow({ where: { code: incident.code } })).title).toBe("Edited by editor one");
    const history = await db.auditEvent.findFirstOrThrow({ where: { entityId: incident.id, action: "incident.update" } });
    expect(history.before).toMatchObject({ title: "Second test incident" });
    expect(history.after).toMatchObject({ title: "Edited by editor one" });
  });

  it("names the field and the problem for bad input", async () => {
    await expect(createIncident(db, { ...base, latitude: 120 }, null)).rejects.toThrow(/latitude/);
    await expect(createIncident(db, { ...base, dateEnd: "2025-02-01" }, null)).rejects.toThrow(/dateEnd/);
  });
});

describe("merging incidents", () => {
  it("moves every claim into the surviving incident, refreshes its figures and marks the old code as merged", async () => {
    const duplicate = await createIncident(
      db,
      { ...base, title: "Kobe convoy attack (duplicate entry)", dateStart: "2025-02-07", dateEnd: "2025-02-07" },
      null,
    );
    const witness = await createSource(db, { slug: "test-witness", name: "A survivor", kind: "witness" }, null);
    const doc = await createDocument(db, { sourceId: witness.id, title: "Interview", relaysSourceIds: [] }, null);
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
        statement: "Test: 36 civilians were killed.",
      },
      null,
    );
    const kobe = await db.incident.findUniqueOrThrow({ where: { code: "MLI-2025-0001" } });
    const claimsBefore = await db.claim.count({ where: { incidentId: kobe.id } });

    const result = await mergeIncidents(
      db,
      duplicate.code,
      { targetCode: kobe.code, expectedVersion: 1, targetExpectedVersion: kobe.version },
      null,
    );
    expect(result.claimsMoved).toBe(1);
    expect(await db.claim.count({ where: { incidentId: kobe.id } })).toBe(claimsBefore + 1);
    const merged = await db.incident.findUniqueOrThrow({ where: { code: duplicate.code } });
    expect(merged.mergedIntoId).toBe(kobe.id);
    const figure = await db.reconciliation.findUniqueOrThrow({
      where: { incidentId_metric_category: { incidentId: kobe.id, metric: "killed", category: "civilians" } },
    });
    expect([figure.low, figure.best, figure.high]).toEqual([25, 34, 36]);
    expect(await db.reconciliation.count({ where: { incidentId: merged.id } })).toBe(0);
    expect((await db.incidentActor.findMany({ where: { incidentId: kobe.id } })).map((a) => a.name)).toContain("Test group");
  });
});
