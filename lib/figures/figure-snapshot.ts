// The part of a stored figure that the revision history compares and keeps. Shared by the
// per-incident refresh and the bulk refresh of imports, so both decide "changed" the same way.
import type { Exclusion, Figure } from "@/lib/domain/reconcile";

export type StoredFigureRow = {
  low: number;
  best: number;
  high: number | null;
  method: Figure["method"];
  rationale: string;
  flags: Figure["flags"];
  claimCount: number;
  sourceCount: number;
  independentSourceCount: number;
  usedClaimIds: string[];
  excluded: unknown;
};

export function figureSnapshot(figure: Figure) {
  return {
    low: figure.low,
    best: figure.best,
    high: figure.high,
    method: figure.method,
    rationale: figure.rationale,
    flags: figure.flags,
    claimCount: figure.claimCount,
    sourceCount: figure.sourceCount,
    independentSourceCount: figure.independentSourceCount,
    usedClaimIds: figure.usedClaimIds,
    excluded: figure.excluded.map((e) => ({ claimId: e.claimId, reason: e.reason })),
  };
}

export function storedFigureSnapshot(row: StoredFigureRow) {
  return {
    low: row.low,
    best: row.best,
    high: row.high,
    method: row.method,
    rationale: row.rationale,
    flags: row.flags,
    claimCount: row.claimCount,
    sourceCount: row.sourceCount,
    independentSourceCount: row.independentSourceCount,
    usedClaimIds: [...row.usedClaimIds].sort(),
    // jsonb stores object keys in its own order; rebuild each exclusion so equal figures compare equal.
    excluded: ((row.excluded ?? []) as Exclusion[]).map((e) => ({ claimId: e.claimId, reason: e.reason })),
  };
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Whether a stored figure already says what the engine computed: true exactly when both
 * snapshots serialise to the same JSON (figure-snapshot.test.ts holds it to that), compared field
 * by field because an import compares a hundred thousand of them.
 */
export function sameSnapshot(a: ReturnType<typeof figureSnapshot>, b: ReturnType<typeof storedFigureSnapshot>): boolean {
  return (
    a.low === b.low &&
    a.best === b.best &&
    a.high === b.high &&
    a.method === b.method &&
    a.rationale === b.rationale &&
    a.claimCount === b.claimCount &&
    a.sourceCount === b.sourceCount &&
    a.independentSourceCount === b.independentSourceCount &&
    sameList(a.flags, b.flags) &&
    sameList(a.usedClaimIds, b.usedClaimIds) &&
    a.excluded.length === b.excluded.length &&
    a.excluded.every((e, i) => e.claimId === b.excluded[i]!.claimId && e.reason === b.excluded[i]!.reason)
  );
}
