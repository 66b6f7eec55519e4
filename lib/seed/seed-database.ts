// Loads the Kobé seed. Idempotent: sources, documents and the incident are matched by their
// stable keys, claims by (incident, claimant, document, metric, category, subgroup, statement),
// so running it again changes nothing.
import "server-only";
import type { Db } from "@/lib/db";
import { refreshIncidentFigures } from "@/lib/figures/refresh-figures";
import { KOBE_CLAIMS, KOBE_DOCUMENTS, KOBE_INCIDENT, KOBE_SOURCES } from "./kobe";
import { dayDate } from "@/lib/validation/calendar-day";

export type SeedReport = { incidentsCreated: number; claimsCreated: number };

export async function seedKobe(db: Db): Promise<SeedReport> {
  return db.$transaction(async (tx) => {
    const sourceIds = new Map<string, string>();
    for (const source of KOBE_SOURCES) {
      const row = await tx.source.upsert({ where: { slug: source.slug }, create: source, update: {} });
      sourceIds.set(source.slug, row.id);
    }
    const idOf = (slug: string) => {
      const id = sourceIds.get(slug);
      if (!id) throw new Error(`Seed refers to unknown source ${slug}`);
      return id;
    };

    const documentIds = new Map<string, string>();
    for (const doc of KOBE_DOCUMENTS) {
      const sourceId = idOf(doc.source);
      const row = await tx.document.upsert({
        where: { sourceId_title: { sourceId, title: doc.title } },
        create: { sourceId, title: doc.title, url: doc.url, publishedOn: dayDate(doc.publishedOn), language: doc.language },
        update: {},
      });
      await tx.documentRelay.createMany({
        data: doc.relays.map((slug) => ({ documentId: row.id, sourceId: idOf(slug) })),
        skipDuplicates: true,
      });
      documentIds.set(doc.key, row.id);
    }

    const { actors, ...incidentFields } = KOBE_INCIDENT;
    let incident = await tx.incident.findUnique({ where: { code: incidentFields.code } });
    let incidentsCreated = 0;
    if (!incident) {
      incident = await tx.incident.create({
        data: {
          ...incidentFields,
          dateStart: dayDate(incidentFields.dateStart)!,
          dateEnd: dayDate(incidentFields.dateEnd)!,
          actors: { create: actors.map((a) => ({ name: a.name, role: a.role })) },
        },
      });
      incidentsCreated++;
      await tx.auditEvent.create({
        data: {
          action: "seed.incident",
          entityType: "Incident",
          entityId: incident.id,
          incidentId: incident.id,
          after: { code: incident.code },
        },
      });
    }

    let claimsCreated = 0;
    for (const c of KOBE_CLAIMS) {
      const key = {
        incidentId: incident.id,
        claimantId: idOf(c.claimant),
        documentId: documentIds.get(c.document) ?? null,
        metric: c.metric,
        category: c.category,
        subgroup: c.subgroup,
        statement: c.statement,
      };
      if (await tx.claim.findFirst({ where: key, select: { id: true } })) continue;
      const created = await tx.claim.create({
        data: {
          ...key,
          valueMin: c.valueMin,
          valueMax: c.valueMax,
          qualifier: c.qualifier,
          statedOn: dayDate(c.statedOn),
          statedOnEnd: dayDate(c.statedOnEnd),
        },
      });
      await tx.auditEvent.create({
        data: {
          action: "seed.claim",
          entityType: "Claim",
          entityId: created.id,
          incidentId: incident.id,
          after: {
            claimant: c.claimant,
            metric: c.metric,
            category: c.category,
            subgroup: c.subgroup,
            valueMin: c.valueMin,
            valueMax: c.valueMax,
          },
        },
      });
      claimsCreated++;
    }
    if (claimsCreated > 0 || incidentsCreated > 0) await refreshIncidentFigures(tx, incident.id);
    return { incidentsCreated, claimsCreated };
  });
}

/** True when the database holds no incident at all: the app seeds only then. */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await db.incident.count()) === 0;
}
