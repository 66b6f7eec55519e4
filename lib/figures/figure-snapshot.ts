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

export function sameSnapshot(a: ReturnType<typeof figureSnapshot>, b: ReturnType<typeof storedFigureSnapshot>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
