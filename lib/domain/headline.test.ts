import { describe, expect, it } from "vitest";
import { headlineFigure } from "./headline";
import type { Figure } from "./reconcile";
import type { Category, Flag, Metric } from "./vocabularies";

function figure(metric: Metric, category: Category, low: number, best: number, high: number | null, flags: Flag[] = []): Figure {
  return {
    metric,
    category,
    low,
    best,
    high,
    method: "source_priority",
    rationale: "",
    flags,
    claimCount: 1,
    sourceCount: 1,
    independentSourceCount: 1,
    usedClaimIds: [],
    excluded: [],
    breakdowns: [],
  };
}

describe("headlineFigure", () => {
  it("Kobé: civilians 25/34/34 + attackers 19/19/19, unspecified ≥30 → 44 / 53 / 53, contested", () => {
    const figures = [
      figure("killed", "civilians", 25, 34, 34, ["contested", "official_lower"]),
      figure("killed", "attackers", 19, 19, 19, ["single_source", "parties_only"]),
      figure("killed", "unspecified", 30, 30, null, ["open_ended"]),
      figure("injured", "civilians", 13, 34, 34, ["contested"]),
      figure("killed_or_injured", "security_forces", 20, 20, null, ["single_source", "open_ended"]),
    ];
    expect(headlineFigure(figures)).toEqual({ low: 44, best: 53, high: 53, contested: true });
  });

  it("only an unspecified figure → the headline is that figure", () => {
    expect(headlineFigure([figure("killed", "unspecified", 30, 30, null, ["open_ended"])])).toEqual({
      low: 30,
      best: 30,
      high: null,
      contested: false,
    });
  });

  it("an open category figure leaves the headline open", () => {
    const figures = [figure("killed", "civilians", 25, 34, 34), figure("killed", "security_forces", 10, 10, null)];
    expect(headlineFigure(figures)).toEqual({ low: 35, best: 44, high: null, contested: false });
  });

  it("the unspecified figure is a floor: it lifts a smaller sum", () => {
    const figures = [figure("killed", "civilians", 5, 8, 10), figure("killed", "unspecified", 20, 25, 40)];
    expect(headlineFigure(figures)).toEqual({ low: 20, best: 25, high: 40, contested: false });
  });

  it("specific figures without an unspecified one are simply summed", () => {
    const figures = [figure("killed", "civilians", 5, 8, 10), figure("killed", "attackers", 2, 3, 4, ["contested"])];
    expect(headlineFigure(figures)).toEqual({ low: 7, best: 11, high: 14, contested: true });
  });

  it("killed_or_injured and injured never feed the headline; no killed figure → null", () => {
    expect(
      headlineFigure([figure("killed_or_injured", "security_forces", 20, 20, null), figure("injured", "civilians", 1, 1, 1)]),
    ).toBeNull();
    expect(headlineFigure([])).toBeNull();
  });

  it("keeps low ≤ best ≤ high even when the unspecified floor exceeds the summed ceiling", () => {
    const figures = [figure("killed", "civilians", 5, 5, 5), figure("killed", "unspecified", 30, 30, null)];
    expect(headlineFigure(figures)).toEqual({ low: 30, best: 30, high: 30, contested: false });
  });
});
