import { describe, expect, it } from "vitest";
import type { Figure } from "@/lib/domain/reconcile";
import { figureSnapshot, sameSnapshot, storedFigureSnapshot, type StoredFigureRow } from "./figure-snapshot";

const figure: Figure = {
  metric: "killed",
  category: "civilians",
  low: 25,
  best: 34,
  high: 34,
  method: "source_priority",
  rationale: "Best 34 is Human Rights Watch's figure.",
  flags: ["contested", "official_lower"],
  claimCount: 5,
  sourceCount: 2,
  independentSourceCount: 2,
  usedClaimIds: ["a1", "b2"],
  excluded: [
    { claimId: "c3", reason: "breakdown" },
    { claimId: "d4", reason: "repeated_report" },
  ],
  breakdowns: [],
};

/** The stored row of `figure`, as PostgreSQL gives it back (jsonb with its own key order, ids unsorted). */
const storedRow = (f: Figure): StoredFigureRow => ({
  ...f,
  usedClaimIds: [...f.usedClaimIds].reverse(),
  excluded: f.excluded.map((e) => ({ reason: e.reason, claimId: e.claimId })),
});

describe("sameSnapshot", () => {
  const variants: [string, (row: StoredFigureRow) => StoredFigureRow][] = [
    ["low", (r) => ({ ...r, low: 24 })],
    ["best", (r) => ({ ...r, best: 30 })],
    ["high open", (r) => ({ ...r, high: null })],
    ["method", (r) => ({ ...r, method: "median" })],
    ["rationale", (r) => ({ ...r, rationale: `${r.rationale} ` })],
    ["a flag less", (r) => ({ ...r, flags: ["contested"] })],
    ["flags reordered", (r) => ({ ...r, flags: ["official_lower", "contested"] })],
    ["counts", (r) => ({ ...r, claimCount: 6 })],
    ["sources", (r) => ({ ...r, sourceCount: 3 })],
    ["independent sources", (r) => ({ ...r, independentSourceCount: 1 })],
    ["a claim used more", (r) => ({ ...r, usedClaimIds: [...r.usedClaimIds, "e5"] })],
    ["an exclusion less", (r) => ({ ...r, excluded: (r.excluded as unknown[]).slice(1) })],
    [
      "an exclusion's reason",
      (r) => ({
        ...r,
        excluded: [
          { claimId: "c3", reason: "duplicate" },
          { claimId: "d4", reason: "repeated_report" },
        ],
      }),
    ],
    ["exclusions reordered", (r) => ({ ...r, excluded: [...(r.excluded as unknown[])].reverse() })],
    ["no exclusions stored", (r) => ({ ...r, excluded: null })],
  ];

  it("is true for a figure and its stored row", () => {
    expect(sameSnapshot(figureSnapshot(figure), storedFigureSnapshot(storedRow(figure)))).toBe(true);
  });

  it.each(variants)("agrees with comparing the JSON of both snapshots: %s", (_name, change) => {
    const a = figureSnapshot(figure);
    const b = storedFigureSnapshot(change(storedRow(figure)));
    expect(sameSnapshot(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
    expect(sameSnapshot(a, b)).toBe(false);
  });
});
