// sources.csv: one row per source × metric × category with its track-record statistics
// (lib/track-record) and n, over the incidents of the filter. Without a filter the stored
// statistics are written as they are; with one, they are summed from the stored comparison rows.
import { pushTo } from "@/lib/track-record/push-to";
import type { Tx } from "@/lib/db";
import { CATEGORIES, METRICS, type Category, type Metric, type SourceKind } from "@/lib/domain/vocabularies";
import { Prisma } from "@/lib/generated/prisma/client";
import { incidentFilterSql } from "@/lib/incidents/incident-filter-sql";
import { statsOfStoredRow, type GroupStats } from "@/lib/track-record/stored-stats";
import { describeStats, statsByGroup, type StatRow } from "@/lib/track-record/track-record-stats";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { isEmptyFilter } from "@/lib/validation/track-record-query";
import type { Cell } from "./csv-cell";

export const SOURCES_COLUMNS = [
  "source",
  "source_name",
  "source_kind",
  "is_party",
  "metric",
  "category",
  "incidents",
  "compared",
  "lower",
  "within",
  "higher",
  "open_ended",
  "midpoints",
  "ratio_n",
  "ratio_median",
  "ratio_low_90",
  "ratio_high_90",
  "revised",
  "revised_up",
  "revised_down",
  "median_delay_days",
  "summary",
] as const;

export const SOURCES_COLUMN_DOCS: Record<(typeof SOURCES_COLUMNS)[number], string> = {
  source: "The source's slug (as in claims.csv).",
  source_name: "The source's name.",
  source_kind: "ngo, un, government, party_to_conflict, wire_agency, … (the source kind vocabulary).",
  is_party: "true when the source is a party to the conflict.",
  metric: "killed, injured, killed_or_injured, missing or abducted.",
  category: "civilians, security_forces, attackers or unspecified.",
  incidents: "Incidents where the source has an active figure of its own for this metric × category.",
  compared: "Of those, incidents where at least one other independent source gave a figure: n of every statistic below.",
  lower: "Compared incidents where the source's figure is below the others' low.",
  within: "Compared incidents where it lies within the others' [low, high] (high open = no ceiling).",
  higher: "Compared incidents where it is above the others' high.",
  open_ended: 'Compared incidents where the source\'s figure was open-ended ("at least 30"), counted by its lower bound.',
  midpoints: "Compared incidents where the source gave a range, counted by its midpoint.",
  ratio_n: "Compared incidents with a ratio (the others' best above 0).",
  ratio_median: "Median of source ÷ others' best (leave-one-out); empty below 5 incidents.",
  ratio_low_90: "Lower end of the bootstrap 90 % interval of that median (1,000 resamples, seed 20).",
  ratio_high_90: "Upper end of that interval.",
  revised: "Compared incidents where the source's first figure was later superseded by one of its own.",
  revised_up: "Of those, revisions upwards.",
  revised_down: "Of those, revisions downwards.",
  median_delay_days: "Median days from the incident's start to the source's first claim about it.",
  summary: "The statistics in words, as the source page shows them.",
};

type SourceRow = { id: string; slug: string; name: string; kind: SourceKind; isParty: boolean };
type GroupedRow = StatRow & { sourceId: string; metric: Metric; category: Category };

const groupOrder = (g: { metric: Metric; category: Category }) => METRICS.indexOf(g.metric) * 10 + CATEGORIES.indexOf(g.category);

export async function* sourcesRows(tx: Tx, filter: IncidentFilter): AsyncGenerator<Cell[][]> {
  const sources: SourceRow[] = await tx.source.findMany({
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, name: true, kind: true, isParty: true },
  });
  const bySource = new Map<string, GroupStats[]>();
  if (isEmptyFilter(filter)) {
    for (const row of await tx.sourceTrackRecord.findMany()) pushTo(bySource, row.sourceId, statsOfStoredRow(row));
  } else {
    const rows = await tx.$queryRaw<GroupedRow[]>(Prisma.sql`
      SELECT sc."sourceId", sc.metric::text AS metric, sc.category::text AS category, sc.value, sc.basis::text AS basis, sc."othersLow", sc."othersBest", sc."othersHigh",
             sc.revision::text AS revision, sc."delayDays"
        FROM "SourceComparison" sc JOIN "Incident" i ON i.id = sc."incidentId" WHERE ${incidentFilterSql(filter)}`);
    const grouped = new Map<string, GroupedRow[]>();
    for (const row of rows) pushTo(grouped, row.sourceId, row);
    for (const [sourceId, list] of grouped) bySource.set(sourceId, statsByGroup(list));
  }
  const out: Cell[][] = [];
  for (const source of sources) {
    const groups = [...(bySource.get(source.id) ?? [])].sort((a, b) => groupOrder(a) - groupOrder(b));
    for (const { metric, category, stats: s } of groups) {
      out.push([
        source.slug,
        source.name,
        source.kind,
        source.isParty,
        metric,
        category,
        s.incidents,
        s.compared,
        s.lower,
        s.within,
        s.higher,
        s.openEnded,
        s.midpoints,
        s.ratioN,
        s.ratio?.median ?? null,
        s.ratio?.low ?? null,
        s.ratio?.high ?? null,
        s.revised,
        s.revisedUp,
        s.revisedDown,
        s.medianDelayDays,
        describeStats(s),
      ]);
    }
  }
  yield out;
}
