// A page words a stored rationale again only from an explanation that accounts for it exactly.
import { describe, expect, it } from "vitest";
import { explainIncident, type EngineClaim } from "@/lib/domain/reconcile";
import { matchingExplanations } from "./figure-explanations";

const HRW = { id: "src-hrw", name: "HRW", kind: "ngo", isParty: false } as const;
const MALI = { id: "src-mali-gov", name: "Malian government", kind: "government", isParty: true } as const;

function claim(id: string, claimant: EngineClaim["claimant"], valueMin: number, metric: EngineClaim["metric"] = "killed"): EngineClaim {
  return {
    id,
    metric,
    category: "civilians",
    subgroup: null,
    valueMin,
    valueMax: valueMin,
    qualifier: "exact",
    statedOn: "2025-02-10",
    createdAt: "2025-03-01T00:00:00.000Z",
    claimant,
    relaysSourceIds: [],
    supersedesId: null,
    assessment: "credible",
    retracted: false,
  };
}

const recomputed = explainIncident([claim("a", HRW, 34), claim("b", MALI, 25), claim("c", HRW, 3, "injured")]);
const stored = recomputed.map(({ metric, category, low, best, high, method, rationale }) => ({
  metric,
  category,
  low,
  best,
  high,
  method,
  rationale,
}));

describe("matchingExplanations", () => {
  it("explains every stored figure the recomputation gives again", () => {
    const out = matchingExplanations(stored, recomputed);
    expect(Object.keys(out).sort()).toEqual(["injured:civilians", "killed:civilians"]);
    expect(out["killed:civilians"]).toEqual(recomputed[0]!.explanation);
  });

  it("leaves out a figure whose numbers, method or rationale differ (a refresh still queued), and editors' figures", () => {
    const [killed, injured] = stored;
    expect(matchingExplanations([{ ...killed!, best: 25 }, injured!], recomputed)).toEqual({
      "injured:civilians": recomputed[1]!.explanation,
    });
    expect(matchingExplanations([{ ...killed!, high: null }], recomputed)).toEqual({});
    expect(matchingExplanations([{ ...killed!, rationale: "Best 34 is Human Rights Watch's figure." }], recomputed)).toEqual({});
    expect(matchingExplanations([{ ...killed!, method: "editor" }], recomputed)).toEqual({});
    expect(matchingExplanations([{ ...killed!, method: "median" }], recomputed)).toEqual({});
    expect(matchingExplanations(stored, [])).toEqual({});
  });
});
