// Made-up incidents for tests of the analyst views: many rows quickly, with stored headline
// figures and flags written directly (these tests read the stored figures, they do not test how
// they are computed). Deterministic: the same seed gives the same incidents.
import type { Db } from "@/lib/db";
import type { Flag, Grading } from "@/lib/domain/vocabularies";
import { dayDate } from "@/lib/validation/calendar-day";

export type SyntheticIncident = {
  code: string;
  title?: string;
  dateStart: string;
  dateEnd?: string;
  countryIso3?: string;
  admin1?: string | null;
  latitude: number;
  longitude: number;
  eventType?: string;
  grading?: Grading;
  flags?: Flag[];
  headline?: { low: number; best: number; high: number | null; contested?: boolean } | null;
  actors?: string[];
  mergedIntoCode?: string;
};

export async function insertIncidents(db: Db, incidents: SyntheticIncident[]): Promise<void> {
  for (let i = 0; i < incidents.length; i += 1000) {
    await db.incident.createMany({
      data: incidents.slice(i, i + 1000).map((s) => ({
        code: s.code,
        title: s.title ?? `Synthetic incident ${s.code}`,
        dateStart: dayDate(s.dateStart),
        dateEnd: dayDate(s.dateEnd ?? s.dateStart),
        placeName: `Place of ${s.code}`,
        admin1: s.admin1 ?? null,
        countryIso3: s.countryIso3 ?? "XXX",
        latitude: s.latitude,
        longitude: s.longitude,
        eventType: s.eventType ?? "Battles",
        grading: s.grading ?? "fair",
        flags: s.flags ?? [],
        headlineLow: s.headline?.low ?? null,
        headlineBest: s.headline?.best ?? null,
        headlineHigh: s.headline ? s.headline.high : null,
        headlineContested: s.headline?.contested ?? false,
      })),
    });
  }
  const withActors = incidents.filter((s) => s.actors?.length);
  if (withActors.length) {
    const ids = new Map(
      (await db.incident.findMany({ where: { code: { in: withActors.map((s) => s.code) } }, select: { id: true, code: true } })).map(
        (r) => [r.code, r.id],
      ),
    );
    await db.incidentActor.createMany({
      data: withActors.flatMap((s) =>
        s.actors!.map((name) => ({ incidentId: ids.get(s.code)!, name, role: "alleged_perpetrator" as const })),
      ),
    });
  }
  for (const s of incidents.filter((x) => x.mergedIntoCode)) {
    const target = await db.incident.findUniqueOrThrow({ where: { code: s.mergedIntoCode! } });
    await db.incident.update({ where: { code: s.code }, data: { mergedIntoId: target.id } });
  }
}

/** A small deterministic pseudo-random generator (mulberry32), so test data is reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds a claim by an existing source (slug) to an incident, with no document. */
export async function addSyntheticClaim(db: Db, code: string, claimantSlug: string, value: number, options: { retracted?: boolean } = {}) {
  const incident = await db.incident.findUniqueOrThrow({ where: { code } });
  const claimant = await db.source.findUniqueOrThrow({ where: { slug: claimantSlug } });
  await db.claim.create({
    data: {
      incidentId: incident.id,
      claimantId: claimant.id,
      metric: "killed",
      category: "civilians",
      valueMin: value,
      valueMax: value,
      qualifier: "exact",
      statement: `${value} killed (synthetic)`,
      retractedAt: options.retracted ? new Date() : null,
      retractedReason: options.retracted ? "test" : null,
    },
  });
}
