// An incident with everything its page shows, read in one round of parallel SQL statements.
// Prisma's nested include of the same (actors, figures, claims → claimant, document → source,
// relays → source, superseded-by) cost ~7.5 ms and ~8.5 ms of Node's CPU per page at 1M incidents,
// through five dependent levels of queries and its query compiler: a third of what the incident
// page cost the server (docs/performance.md). These are raw statements on the same pool, keyed by
// the incident's code, so none waits for another. The rows have the shapes of Prisma's models
// (Prisma converts dates, JSON and enums of a raw query as it does its own); only enum arrays
// need a cast to text[]. tests/db/incident-detail-read.test.ts checks the result equals the
// nested include.
import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { pendingSinceQuery } from "@/lib/figures/figure-queue";
import type { Claim, Document, DocumentRelay, Incident, IncidentActor, Reconciliation, Source } from "@/lib/generated/prisma/client";

export type IncidentDetailClaim = Claim & {
  claimant: Source;
  document: (Document & { source: Source; relays: (DocumentRelay & { source: Source })[] }) | null;
  supersededBy: { id: string } | null;
};

export type IncidentDetailRecord = Incident & {
  actors: IncidentActor[];
  figures: Reconciliation[];
  claims: IncidentDetailClaim[];
  /** When the oldest queued refresh of its figures was asked for (lib/figures/figure-queue.ts). */
  figuresPendingSince: Date | null;
};

const SOURCE_COLUMNS = ["id", "slug", "name", "kind", "countryIso3", "isParty", "url", "notes", "createdAt", "updatedAt"] as const;
const DOCUMENT_COLUMNS = ["id", "sourceId", "title", "url", "publishedOn", "accessedOn", "language", "archiveUrl", "createdAt"] as const;

/** `s."id" AS "claimant.id", …`: a joined row's columns under a prefix, so two tables' `id`s do not collide. */
function prefixed(alias: string, columns: readonly string[], prefix: string): Prisma.Sql {
  return Prisma.raw(columns.map((c) => `${alias}."${c}" AS "${prefix}.${c}"`).join(", "));
}

/** The columns under `prefix` as an object; null when the joined row is missing (its id is null). */
function unprefixed<T>(row: Record<string, unknown>, columns: readonly string[], prefix: string): T | null {
  if (row[`${prefix}.id`] === null) return null;
  return Object.fromEntries(columns.map((c) => [c, row[`${prefix}.${c}`]])) as T;
}

function withoutPrefixed(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !key.includes(".")));
}

/** The incident whose code is `code` with its page's relations, or null. A merged incident is returned as stored (its page redirects). */
export async function readIncidentDetail(db: Db, code: string): Promise<IncidentDetailRecord | null> {
  const id = Prisma.sql`(SELECT id FROM "Incident" WHERE code = ${code})`;
  const [incidents, actors, figures, claimRows, relayRows, pending] = await Promise.all([
    // `flags::text[]` after `*` replaces the enum array, which a raw query returns as its text "{a,b}".
    db.$queryRaw<Incident[]>`SELECT i.*, i.flags::text[] AS flags FROM "Incident" i WHERE i.code = ${code}`,
    db.$queryRaw<IncidentActor[]>`SELECT * FROM "IncidentActor" WHERE "incidentId" = ${id} ORDER BY role, name`,
    db.$queryRaw<Reconciliation[]>`
      SELECT r.*, r.flags::text[] AS flags FROM "Reconciliation" r WHERE r."incidentId" = ${id} ORDER BY r.metric, r.category`,
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT c.*, ${prefixed("s", SOURCE_COLUMNS, "claimant")}, ${prefixed("d", DOCUMENT_COLUMNS, "document")},
             ${prefixed("ds", SOURCE_COLUMNS, "publisher")}, later.id AS "supersededBy.id"
      FROM "Claim" c
      JOIN "Source" s ON s.id = c."claimantId"
      LEFT JOIN "Document" d ON d.id = c."documentId"
      LEFT JOIN "Source" ds ON ds.id = d."sourceId"
      LEFT JOIN "Claim" later ON later."supersedesId" = c.id
      WHERE c."incidentId" = ${id}
      ORDER BY c.metric, c.category, c."statedOn", c."createdAt", c.id`,
    // Relays in the order they were recorded, as the page has always listed them (the table keeps no
    // other order; its rows are only ever inserted and deleted).
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT r."documentId", r."sourceId", ${prefixed("s", SOURCE_COLUMNS, "source")}
      FROM "DocumentRelay" r JOIN "Source" s ON s.id = r."sourceId"
      WHERE r."documentId" IN (SELECT "documentId" FROM "Claim" WHERE "incidentId" = ${id} AND "documentId" IS NOT NULL)
      ORDER BY r.ctid`,
    db.$queryRaw<{ at: Date | null }[]>(pendingSinceQuery(id)),
  ]);
  const incident = incidents[0];
  if (!incident) return null;

  const relaysByDocument = new Map<string, (DocumentRelay & { source: Source })[]>();
  for (const row of relayRows) {
    const relay = {
      documentId: row.documentId as string,
      sourceId: row.sourceId as string,
      source: unprefixed<Source>(row, SOURCE_COLUMNS, "source")!,
    };
    const list = relaysByDocument.get(relay.documentId);
    if (list) list.push(relay);
    else relaysByDocument.set(relay.documentId, [relay]);
  }
  const claims = claimRows.map((row): IncidentDetailClaim => {
    const document = unprefixed<Document>(row, DOCUMENT_COLUMNS, "document");
    const laterId = row["supersededBy.id"] as string | null;
    return {
      ...(withoutPrefixed(row) as Claim),
      claimant: unprefixed<Source>(row, SOURCE_COLUMNS, "claimant")!,
      document: document
        ? { ...document, source: unprefixed<Source>(row, SOURCE_COLUMNS, "publisher")!, relays: relaysByDocument.get(document.id) ?? [] }
        : null,
      supersededBy: laterId ? { id: laterId } : null,
    };
  });
  return { ...incident, actors, figures, claims, figuresPendingSince: pending[0]?.at ?? null };
}
