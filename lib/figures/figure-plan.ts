// What refreshing incidents' figures writes, computed without touching the database: the
// figures to create, update and delete, the revisions to append and each incident's headline.
// The one plan of every figure writer: refresh-figures.ts (one incident, or many in bulk, inside
// a Prisma transaction) and pg-refresh.ts (the claims import and the figure queue, on a direct
// connection). Each writer only loads the input and writes the plan; tests/db/bulk-refresh.test.ts
// and tests/db/import-refresh.test.ts check that every path stores the same rows.
import { randomUUID } from "node:crypto";
import { headlineFigure } from "@/lib/domain/headline";
import {
  reconcileIncident,
  type Breakdown,
  type EditorDecision,
  type EngineClaim,
  type Figure,
  type GroupKey,
} from "@/lib/domain/reconcile";
import { FLAGS, type Category, type Flag, type Metric } from "@/lib/domain/vocabularies";
import { figureSnapshot as snapshot, sameSnapshot, storedFigureSnapshot as storedSnapshot, type StoredFigureRow } from "./figure-snapshot";

/** A stored figure as the refresh compares it (a row of "Reconciliation", the columns it needs). */
export type StoredFigure = StoredFigureRow & { id: string; incidentId: string; metric: Metric; category: Category };

/** The latest non-withdrawn decision of a group, with who made it (engine-input.ts `loadDecisions`). */
export type AuthoredDecision = EditorDecision & { decidedById: string | null };
export type IncidentDecisions = Partial<Record<GroupKey, AuthoredDecision>>;

type Snapshot = ReturnType<typeof snapshot>;
type StoredSnapshot = ReturnType<typeof storedSnapshot>;

/** A figure's stored values (timestamps as UTC ISO strings, as Prisma stores TIMESTAMP(3)). */
export type FigureValues = Snapshot & { breakdowns: Breakdown[]; decidedById: string | null; computedAt: string };
export type FigureCreate = { id: string; incidentId: string; metric: Metric; category: Category } & FigureValues;
export type FigureUpdate = { id: string } & FigureValues;
/** `before` / `after` null = the "no figure" side (SQL NULL, as Prisma.DbNull writes it). */
export type FigureRevision = {
  id: string;
  incidentId: string;
  metric: Metric;
  category: Category;
  before: StoredSnapshot | null;
  after: Snapshot | null;
  actorId: string | null;
  at: string;
};
export type HeadlineUpdate = {
  id: string;
  headlineLow: number | null;
  headlineBest: number | null;
  headlineHigh: number | null;
  headlineContested: boolean;
  flags: Flag[];
  /** Moves as Prisma's @updatedAt would move it. */
  updatedAt: string;
};

export type FigureRefreshPlan = {
  creates: FigureCreate[];
  updates: FigureUpdate[];
  deletes: string[];
  revisions: FigureRevision[];
  headlines: HeadlineUpdate[];
};

export function emptyRefreshPlan(): FigureRefreshPlan {
  return { creates: [], updates: [], deletes: [], revisions: [], headlines: [] };
}

/** Appends to `plan` what refreshing one incident writes, given its claims, decisions and stored figures; returns its new figures. */
export function planIncidentRefresh(
  plan: FigureRefreshPlan,
  incident: { id: string; claims: EngineClaim[]; decisions: IncidentDecisions; stored: StoredFigure[] },
  actorId: string | null,
  now: string,
): Figure[] {
  const incidentId = incident.id;
  const figures = reconcileIncident(incident.claims, { decisions: incident.decisions });
  const existingByKey = new Map(incident.stored.map((row) => [`${row.metric}:${row.category}`, row]));
  for (const figure of figures) {
    const key = `${figure.metric}:${figure.category}` as const;
    const before = existingByKey.get(key);
    existingByKey.delete(key);
    const after = snapshot(figure);
    if (before && sameSnapshot(after, storedSnapshot(before))) continue;
    const values: FigureValues = {
      ...after,
      breakdowns: figure.breakdowns,
      decidedById: figure.method === "editor" ? (incident.decisions[key]?.decidedById ?? null) : null,
      computedAt: now,
    };
    if (before) plan.updates.push({ id: before.id, ...values });
    else plan.creates.push({ id: randomUUID(), incidentId, metric: figure.metric, category: figure.category, ...values });
    plan.revisions.push({
      id: randomUUID(),
      incidentId,
      metric: figure.metric,
      category: figure.category,
      before: before ? storedSnapshot(before) : null,
      after,
      actorId,
      at: now,
    });
  }
  // Figures whose every claim was retracted disappear; their history stays.
  for (const gone of existingByKey.values()) {
    plan.deletes.push(gone.id);
    plan.revisions.push({
      id: randomUUID(),
      incidentId,
      metric: gone.metric,
      category: gone.category,
      before: storedSnapshot(gone),
      after: null,
      actorId,
      at: now,
    });
  }
  const headline = headlineFigure(figures);
  const flags = new Set<Flag>(figures.flatMap((f) => f.flags));
  plan.headlines.push({
    id: incidentId,
    headlineLow: headline?.low ?? null,
    headlineBest: headline?.best ?? null,
    headlineHigh: headline?.high ?? null,
    headlineContested: headline?.contested ?? false,
    flags: FLAGS.filter((f) => flags.has(f)),
    updatedAt: now,
  });
  return figures;
}

/** The loaded input of a refresh, per incident id (an incident missing from a map has none of that). */
export type RefreshInputs = {
  claims: Map<string, EngineClaim[]>;
  decisions: Map<string, IncidentDecisions>;
  stored: Map<string, StoredFigure[]>;
};

/** Plans the refresh of every incident given, from inputs already loaded; returns the plan and each incident's new figures. */
export function planRefresh(
  incidentIds: readonly string[],
  inputs: RefreshInputs,
  actorId: string | null,
  now: string,
): { plan: FigureRefreshPlan; figures: Map<string, Figure[]> } {
  const plan = emptyRefreshPlan();
  const figures = new Map<string, Figure[]>();
  for (const id of incidentIds) {
    const incident = {
      id,
      claims: inputs.claims.get(id) ?? [],
      decisions: inputs.decisions.get(id) ?? {},
      stored: inputs.stored.get(id) ?? [],
    };
    figures.set(id, planIncidentRefresh(plan, incident, actorId, now));
  }
  return { plan, figures };
}
