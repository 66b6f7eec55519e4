// Read paths for incidents. Figures are read as stored (refreshed on every write), never recomputed.
import "server-only";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { summaryCanAnswer, summaryCells } from "@/lib/map/map-cells";
import { isCalendarDay } from "@/lib/validation/calendar-day";
import type { IncidentFilter, IncidentListQuery, IncidentSort } from "@/lib/validation/incident-filter";
import { readIncidentDetail, type IncidentDetailRecord } from "./incident-detail-read";
import { figureSelect, sortFigures, toFigureDto, type FigureDto } from "./figure-dto";
import { dayDate, isoDay } from "@/lib/validation/calendar-day";

export function incidentWhere(filter: IncidentFilter): Prisma.IncidentWhereInput {
  // A merged incident lives on in the one it was merged into; listing both would count it twice.
  const and: Prisma.IncidentWhereInput[] = [{ mergedIntoId: null }];
  if (filter.bbox) {
    const { minLon, minLat, maxLon, maxLat } = filter.bbox;
    and.push({ latitude: { gte: minLat, lte: maxLat } });
    // A box that crosses the antimeridian arrives with minLon > maxLon.
    and.push(
      minLon <= maxLon
        ? { longitude: { gte: minLon, lte: maxLon } }
        : { OR: [{ longitude: { gte: minLon } }, { longitude: { lte: maxLon } }] },
    );
  }
  // An incident matches a date range when the two overlap.
  if (filter.from) and.push({ dateEnd: { gte: dayDate(filter.from) } });
  if (filter.to) and.push({ dateStart: { lte: dayDate(filter.to) } });
  if (filter.country) and.push({ countryIso3: { in: filter.country } });
  if (filter.admin1) and.push({ OR: filter.admin1.map((name) => ({ admin1: { equals: name, mode: "insensitive" as const } })) });
  if (filter.eventType) and.push({ eventType: { in: filter.eventType } });
  if (filter.actor) and.push({ actors: { some: { name: { contains: filter.actor, mode: "insensitive" } } } });
  // A retracted claim was withdrawn by its author: it no longer says the source spoke about the incident.
  if (filter.claimant) and.push({ claims: { some: { retractedAt: null, claimant: { slug: { in: filter.claimant } } } } });
  if (filter.claimantKind) and.push({ claims: { some: { retractedAt: null, claimant: { kind: { in: filter.claimantKind } } } } });
  if (filter.grading) and.push({ grading: { in: filter.grading } });
  if (filter.flag) and.push({ flags: { hasSome: filter.flag } });
  if (filter.minKilled !== undefined) and.push({ headlineBest: { gte: filter.minKilled } });
  return { AND: and };
}

/** Where a page ended: the sort it belongs to and the sort keys of its last row. */
type Cursor = { sort: IncidentSort; dateStart: string; id: string; best: number | null };

const SORT_CODES: Record<IncidentSort, string> = { newest: "n", oldest: "o", most_killed: "k", fewest_killed: "f" };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([SORT_CODES[cursor.sort], cursor.dateStart, cursor.id, cursor.best])).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalidCursor(message: string): AppError {
  return new AppError(400, `Invalid input — cursor: ${message}`, "invalid", { cursor: [message] });
}

export function decodeCursor(value: string, sort: IncidentSort): Cursor {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor("not a cursor this API issued");
  }
  if (!Array.isArray(parts)) throw invalidCursor("not a cursor this API issued");
  // Cursors issued before sorting existed were [dateStart, id], newest first.
  const [code, dateStart, id, best] = parts.length === 2 ? ["n", parts[0], parts[1], null] : parts;
  const cursorSort = (Object.keys(SORT_CODES) as IncidentSort[]).find((s) => SORT_CODES[s] === code);
  if (
    !cursorSort ||
    typeof dateStart !== "string" ||
    !isCalendarDay(dateStart) ||
    typeof id !== "string" ||
    !UUID.test(id) ||
    // headlineBest is a PostgreSQL integer: a larger number (1e20) is no position in the list.
    !(best === null || (typeof best === "number" && Number.isInteger(best) && best >= 0 && best <= 2_147_483_647))
  ) {
    throw invalidCursor("not a cursor this API issued");
  }
  if (cursorSort !== sort) throw invalidCursor(`this cursor belongs to the "${cursorSort}" order, not "${sort}"`);
  return { sort, dateStart, id, best };
}

function orderFor(sort: IncidentSort): Prisma.IncidentOrderByWithRelationInput[] {
  switch (sort) {
    case "newest":
      return [{ dateStart: "desc" }, { id: "desc" }];
    case "oldest":
      return [{ dateStart: "asc" }, { id: "asc" }];
    // Incidents without a killed figure go last in both directions: "unknown" is neither many nor few.
    case "most_killed":
      return [{ headlineBest: { sort: "desc", nulls: "last" } }, { dateStart: "desc" }, { id: "desc" }];
    case "fewest_killed":
      return [{ headlineBest: { sort: "asc", nulls: "last" } }, { dateStart: "desc" }, { id: "desc" }];
  }
}

/** Rows strictly after the cursor in the cursor's order (keyset pagination: stable under inserts). */
function afterCursor(cursor: Cursor): Prisma.IncidentWhereInput {
  const d = dayDate(cursor.dateStart);
  const newerFirst: Prisma.IncidentWhereInput = { OR: [{ dateStart: { lt: d } }, { dateStart: d, id: { lt: cursor.id } }] };
  switch (cursor.sort) {
    case "newest":
      return newerFirst;
    case "oldest":
      return { OR: [{ dateStart: { gt: d } }, { dateStart: d, id: { gt: cursor.id } }] };
    case "most_killed":
    case "fewest_killed": {
      if (cursor.best === null) return { AND: [{ headlineBest: null }, newerFirst] };
      const beyond = cursor.sort === "most_killed" ? { lt: cursor.best } : { gt: cursor.best };
      return { OR: [{ headlineBest: beyond }, { headlineBest: null }, { AND: [{ headlineBest: cursor.best }, newerFirst] }] };
    }
  }
}

export type IncidentListItem = {
  code: string;
  title: string;
  dateStart: string;
  dateEnd: string;
  placeName: string;
  countryIso3: string;
  latitude: number;
  longitude: number;
  eventType: string;
  grading: string;
  headline: { low: number; best: number; high: number | null; contested: boolean } | null;
  figures: FigureDto[];
};

export async function listIncidents(query: IncidentListQuery): Promise<{ items: IncidentListItem[]; nextCursor: string | null }> {
  const sort = query.sort ?? "newest";
  const and: Prisma.IncidentWhereInput[] = [incidentWhere(query)];
  if (query.cursor) and.push(afterCursor(decodeCursor(query.cursor, sort)));
  const rows = await db.incident.findMany({
    where: { AND: and },
    orderBy: orderFor(sort),
    take: query.limit + 1,
    select: {
      id: true,
      code: true,
      title: true,
      dateStart: true,
      dateEnd: true,
      placeName: true,
      countryIso3: true,
      latitude: true,
      longitude: true,
      eventType: true,
      grading: true,
      headlineLow: true,
      headlineBest: true,
      headlineHigh: true,
      headlineContested: true,
      figures: { select: figureSelect },
    },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      code: row.code,
      title: row.title,
      dateStart: isoDay(row.dateStart)!,
      dateEnd: isoDay(row.dateEnd)!,
      placeName: row.placeName,
      countryIso3: row.countryIso3,
      latitude: row.latitude,
      longitude: row.longitude,
      eventType: row.eventType,
      grading: row.grading,
      headline:
        row.headlineBest === null || row.headlineLow === null
          ? null
          : { low: row.headlineLow, best: row.headlineBest, high: row.headlineHigh, contested: row.headlineContested },
      figures: sortFigures(row.figures.map(toFigureDto)),
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ sort, dateStart: isoDay(last.dateStart)!, id: last.id, best: last.headlineBest })
        : null,
  };
}

/** The whole world as one map view, for counts the map summaries can answer. */
const WORLD = { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 };

export async function countIncidents(filter: IncidentFilter): Promise<number> {
  // Dates, countries, event types or one flag: the map summaries already hold the count
  // (counting a million incidents took up to a second; the summaries answer in ~10 ms). A box
  // needs its exact edges, which the summaries' whole cells do not have.
  if (!filter.bbox && summaryCanAnswer(filter, WORLD, 0)) {
    const cells = await summaryCells(filter, WORLD, 0, 90);
    return cells.reduce((sum, cell) => sum + cell.n, 0);
  }
  return db.incident.count({ where: incidentWhere(filter) });
}

/** The incident with everything its page and `GET /api/incidents/{code}` show (lib/incidents/incident-detail-read.ts). */
export async function getIncidentByCode(code: string): Promise<IncidentDetailRecord> {
  const incident = await readIncidentDetail(db, code);
  if (!incident) throw new NotFoundError(`Incident ${code}`);
  return incident;
}

export type IncidentDetail = Awaited<ReturnType<typeof getIncidentByCode>>;

/** The JSON of GET /api/incidents/{code}. */
export function incidentDetailDto(incident: IncidentDetail) {
  return {
    incident: {
      code: incident.code,
      title: incident.title,
      summary: incident.summary,
      dateStart: isoDay(incident.dateStart),
      dateEnd: isoDay(incident.dateEnd),
      datePrecision: incident.datePrecision,
      placeName: incident.placeName,
      admin1: incident.admin1,
      admin2: incident.admin2,
      countryIso3: incident.countryIso3,
      latitude: incident.latitude,
      longitude: incident.longitude,
      locationPrecision: incident.locationPrecision,
      eventType: incident.eventType,
      subEventType: incident.subEventType,
      grading: incident.grading,
      actors: incident.actors.map((a) => ({ name: a.name, role: a.role })),
      externalIds: { acled: incident.acledEventId, ucdp: incident.ucdpId },
      headline:
        incident.headlineBest === null || incident.headlineLow === null
          ? null
          : { low: incident.headlineLow, best: incident.headlineBest, high: incident.headlineHigh, contested: incident.headlineContested },
      version: incident.version,
      updatedAt: incident.updatedAt.toISOString(),
      figuresPendingSince: incident.figuresPendingSince?.toISOString() ?? null,
    },
    claims: incident.claims.map((c) => ({
      id: c.id,
      metric: c.metric,
      category: c.category,
      subgroup: c.subgroup,
      valueMin: c.valueMin,
      valueMax: c.valueMax,
      qualifier: c.qualifier,
      statement: c.statement,
      statedOn: isoDay(c.statedOn),
      statedOnEnd: isoDay(c.statedOnEnd),
      claimant: { slug: c.claimant.slug, name: c.claimant.name, kind: c.claimant.kind, isParty: c.claimant.isParty },
      document: c.document
        ? {
            title: c.document.title,
            url: c.document.url,
            publisher: c.document.source.name,
            publishedOn: isoDay(c.document.publishedOn),
            accessedOn: isoDay(c.document.accessedOn),
            relays: c.document.relays.map((r) => r.source.name),
          }
        : null,
      supersedesId: c.supersedesId,
      supersededById: c.supersededBy?.id ?? null,
      assessment: c.assessment,
      assessmentReason: c.assessmentReason,
      retracted: c.retractedAt !== null,
      retractedReason: c.retractedReason,
      /** For assess / retract / supersede: send it back as expectedVersion. */
      version: c.version,
    })),
    figures: sortFigures(incident.figures).map((f) => ({ ...toFigureDto(f), rationale: f.rationale })),
  };
}
