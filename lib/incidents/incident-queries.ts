// Read paths for incidents. Figures are read as stored (refreshed on every write), never recomputed.
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentFilter, IncidentListQuery } from "@/lib/validation/incident-filter";
import { figureSelect, sortFigures, toFigureDto, type FigureDto } from "./figure-dto";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export function incidentWhere(filter: IncidentFilter): Prisma.IncidentWhereInput {
  const and: Prisma.IncidentWhereInput[] = [];
  if (filter.bbox) {
    const { minLon, minLat, maxLon, maxLat } = filter.bbox;
    and.push({ latitude: { gte: minLat, lte: maxLat } });
    // A box that crosses the antimeridian arrives with minLon > maxLon.
    and.push(minLon <= maxLon ? { longitude: { gte: minLon, lte: maxLon } } : { OR: [{ longitude: { gte: minLon } }, { longitude: { lte: maxLon } }] });
  }
  // An incident matches a date range when the two overlap.
  if (filter.from) and.push({ dateEnd: { gte: day(filter.from) } });
  if (filter.to) and.push({ dateStart: { lte: day(filter.to) } });
  if (filter.country) and.push({ countryIso3: { in: filter.country } });
  if (filter.eventType) and.push({ eventType: { in: filter.eventType } });
  if (filter.grading) and.push({ grading: { in: filter.grading } });
  if (filter.flag) and.push({ flags: { hasSome: filter.flag } });
  return and.length ? { AND: and } : {};
}

type Cursor = { dateStart: string; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.dateStart, cursor.id])).toString("base64url");
}

function decodeCursor(value: string): Cursor {
  try {
    const [dateStart, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [string, string];
    if (typeof dateStart !== "string" || typeof id !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(dateStart)) throw new Error("shape");
    return { dateStart, id };
  } catch {
    throw new AppError(400, "Invalid input — cursor: not a cursor this API issued", "invalid", { cursor: ["not a cursor this API issued"] });
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
  const where = incidentWhere(query);
  const and: Prisma.IncidentWhereInput[] = [where];
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    // Newest first; the id breaks ties between incidents of the same day.
    and.push({ OR: [{ dateStart: { lt: day(cursor.dateStart) } }, { dateStart: day(cursor.dateStart), id: { lt: cursor.id } }] });
  }
  const rows = await db.incident.findMany({
    where: { AND: and },
    orderBy: [{ dateStart: "desc" }, { id: "desc" }],
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
    nextCursor: rows.length > query.limit && last ? encodeCursor({ dateStart: isoDay(last.dateStart)!, id: last.id }) : null,
  };
}

export async function countIncidents(filter: IncidentFilter): Promise<number> {
  return db.incident.count({ where: incidentWhere(filter) });
}

export async function getIncidentByCode(code: string) {
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
    })),
    figures: sortFigures(incident.figures).map((f) => ({ ...toFigureDto(f), rationale: f.rationale })),
  };
}
