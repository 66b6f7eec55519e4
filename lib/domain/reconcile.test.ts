import { describe, expect, it } from "vitest";
import { pointValue, reconcileGroup, reconcileIncident } from "./reconcile";
import type { EditorDecision, EngineClaim, Figure } from "./reconcile";

// ---------------------------------------------------------------------------------------
// Sources of the Kobé convoy attack (Mali, 7 Feb 2025) — see /work/shared/seeds.

const HRW = { id: "src-hrw", name: "Human Rights Watch", kind: "ngo", isParty: false } as const;
const MALI = { id: "src-mali-gov", name: "Malian government", kind: "government", isParty: true } as const;
const AFP = { id: "src-afp", name: "AFP", kind: "wire_agency", isParty: false } as const;
const RFI = { id: "src-rfi", name: "RFI", kind: "international_media", isParty: false } as const;
const MIRAGE = { id: "src-mirage", name: "Mirage News", kind: "encyclopedia", isParty: false } as const;
const ARMED_GROUP = { id: "src-isgs", name: "ISGS", kind: "local_media", isParty: true } as const;
const LOCAL = { id: "src-local", name: "Radio Gao", kind: "local_media", isParty: false } as const;
const UN = { id: "src-un", name: "UN OHCHR", kind: "un", isParty: false } as const;

let sequence = 0;
/** A credible exact killed·civilians claim, overridable field by field. */
function claim(overrides: Partial<EngineClaim> & Pick<EngineClaim, "claimant" | "valueMin">): EngineClaim {
  sequence += 1;
  return {
    id: `c${String(sequence).padStart(3, "0")}`,
    metric: "killed",
    category: "civilians",
    subgroup: null,
    valueMax: overrides.valueMin,
    qualifier: "exact",
    statedOn: "2025-02-10",
    createdAt: `2025-03-01T00:00:${String(sequence % 60).padStart(2, "0")}.000Z`,
    relaysSourceIds: [],
    supersedesId: null,
    assessment: "credible",
    retracted: false,
    ...overrides,
  };
}
const atLeast = (claimant: EngineClaim["claimant"], value: number, extra: Partial<EngineClaim> = {}) =>
  claim({ claimant, valueMin: value, valueMax: null, qualifier: "at_least", ...extra });

function group(claims: EngineClaim[], ...rest: [Parameters<typeof reconcileGroup>[1]?, EditorDecision?]): Figure {
  const figure = reconcileGroup(claims, ...rest);
  if (!figure) throw new Error("expected a figure");
  return figure;
}

// ---------------------------------------------------------------------------------------
// The Kobé case as the seeds give it (docs/architecture.md, "The Kobé example")

function kobeClaims(): EngineClaim[] {
  const kc = { metric: "killed", category: "civilians" } as const;
  const ic = { metric: "injured", category: "civilians" } as const;
  return [
    // HRW report, 2025-03-?? (published after the government statement)
    claim({ id: "hrw-killed", ...kc, claimant: HRW, valueMin: 34, statedOn: "2025-03-04" }),
    claim({ id: "hrw-killed-malian", ...kc, claimant: HRW, subgroup: "Malian", valueMin: 13, statedOn: "2025-03-04" }),
    claim({ id: "hrw-killed-foreign", ...kc, claimant: HRW, subgroup: "foreign", valueMin: 21, statedOn: "2025-03-04" }),
    // Mirage News republishes HRW: claimant is HRW (the original source), date not given.
    claim({ id: "mirage-hrw-killed", ...kc, claimant: HRW, valueMin: 34, statedOn: null }),
    claim({ id: "gov-killed", ...kc, claimant: MALI, valueMin: 25, statedOn: "2025-02-08" }),
    claim({ id: "hrw-injured", ...ic, claimant: HRW, valueMin: 34, statedOn: "2025-03-04" }),
    claim({ id: "hrw-injured-malian", ...ic, claimant: HRW, subgroup: "Malian", valueMin: 20, statedOn: "2025-03-04" }),
    claim({ id: "hrw-injured-foreign", ...ic, claimant: HRW, subgroup: "foreign", valueMin: 14, statedOn: "2025-03-04" }),
    claim({ id: "gov-injured", ...ic, claimant: MALI, valueMin: 13, statedOn: "2025-02-08" }),
    atLeast(AFP, 30, { id: "afp-killed", category: "unspecified", statedOn: "2025-02-08" }),
    atLeast(RFI, 30, { id: "rfi-killed", category: "unspecified", statedOn: "2025-02-09" }),
    claim({ id: "gov-attackers", metric: "killed", category: "attackers", claimant: MALI, valueMin: 19, statedOn: "2025-02-08" }),
    atLeast(RFI, 20, { id: "rfi-soldiers", metric: "killed_or_injured", category: "security_forces", statedOn: "2025-02-24" }),
  ];
}

describe("the Kobé case", () => {
  const figures = reconcileIncident(kobeClaims());
  const find = (metric: string, category: string) => {
    const figure = figures.find((f) => f.metric === metric && f.category === category);
    if (!figure) throw new Error(`no figure for ${metric}:${category}`);
    return figure;
  };

  it("gives one figure per metric × category, in vocabulary order", () => {
    expect(figures.map((f) => `${f.metric}:${f.category}`)).toEqual([
      "killed:civilians",
      "killed:attackers",
      "killed:unspecified",
      "injured:civilians",
      "killed_or_injured:security_forces",
    ]);
  });

  it("killed · civilians: HRW 34 (13 + 21, consistent) vs government 25 → 25 / 34 / 34", () => {
    const f = find("killed", "civilians");
    expect({ low: f.low, best: f.best, high: f.high, method: f.method }).toEqual({
      low: 25,
      best: 34,
      high: 34,
      method: "source_priority",
    });
    expect(f.flags).toEqual(["contested", "official_lower"]);
    expect(f.independentSourceCount).toBe(2);
    expect(f.sourceCount).toBe(2);
    expect(f.claimCount).toBe(5);
    expect(f.usedClaimIds).toEqual(["gov-killed", "hrw-killed"]);
    expect(f.excluded).toEqual([
      { claimId: "hrw-killed-foreign", reason: "breakdown" },
      { claimId: "hrw-killed-malian", reason: "breakdown" },
      { claimId: "mirage-hrw-killed", reason: "repeated_report" },
    ]);
    expect(f.breakdowns).toEqual([
      {
        claimantId: HRW.id,
        subgroups: [
          { subgroup: "Malian", low: 13, high: 13 },
          { subgroup: "foreign", low: 21, high: 21 },
        ],
        total: { low: 34, high: 34 },
        consistent: true,
      },
    ]);
    expect(f.rationale).toContain("Human Rights Watch");
  });

  it("injured · civilians: HRW 34 (20 + 14) vs government 13 → 13 / 34 / 34", () => {
    const f = find("injured", "civilians");
    expect([f.low, f.best, f.high]).toEqual([13, 34, 34]);
    expect(f.flags).toEqual(["contested", "official_lower"]);
    expect(f.breakdowns[0]?.consistent).toBe(true);
  });

  it("killed · unspecified: AFP and RFI 'at least 30' → low 30, best 30, high open", () => {
    const f = find("killed", "unspecified");
    expect([f.low, f.best, f.high]).toEqual([30, 30, null]);
    expect(f.flags).toContain("open_ended");
    expect(f.flags).not.toContain("single_source");
    expect(f.flags).toEqual(["open_ended"]);
    expect(f.independentSourceCount).toBe(2);
  });

  it("killed · attackers: government '19 terrorist bodies' → 19, parties only, single source", () => {
    const f = find("killed", "attackers");
    expect([f.low, f.best, f.high]).toEqual([19, 19, 19]);
    expect(f.flags).toEqual(["single_source", "parties_only"]);
  });

  it("killed_or_injured · security forces: RFI 'at least 20 soldiers' → low 20, high open", () => {
    const f = find("killed_or_injured", "security_forces");
    expect([f.low, f.best, f.high]).toEqual([20, 20, null]);
    expect(f.flags).toEqual(["single_source", "open_ended"]);
  });
});

// ---------------------------------------------------------------------------------------

describe("intervals (rules 1 and 3)", () => {
  it("an open claim alone leaves high open", () => {
    expect(group([atLeast(AFP, 30)]).high).toBeNull();
  });
  it("a bounded claim closes high; an open one contributes its floor", () => {
    expect(group([claim({ claimant: HRW, valueMin: 34 }), atLeast(AFP, 30)]).high).toBe(34);
    expect(group([claim({ claimant: HRW, valueMin: 34 }), atLeast(AFP, 40)]).high).toBe(40);
  });
  it("low is the lowest lower bound, high the highest upper bound of a range", () => {
    const f = group([claim({ claimant: HRW, valueMin: 25, valueMax: 30, qualifier: "range" }), claim({ claimant: AFP, valueMin: 28 })]);
    expect([f.low, f.high]).toEqual([25, 30]);
  });
});

describe("point values", () => {
  it.each([
    ["exact", 34, 34, 34],
    ["approximately", 20, 20, 20],
    ["at_least", 30, null, 30],
    ["more_than", 101, null, 101],
    ["at_most", 0, 40, 40],
    ["range", 25, 30, 27],
    ["vague", 10, null, 10],
  ] as const)("%s [%d, %s] → %d", (qualifier, valueMin, valueMax, expected) => {
    expect(pointValue({ qualifier, valueMin, valueMax })).toBe(expected);
  });
});

describe("methods (rule 4)", () => {
  const claims = () => [
    claim({ claimant: HRW, valueMin: 34 }),
    claim({ claimant: AFP, valueMin: 30 }),
    claim({ claimant: LOCAL, valueMin: 31 }),
    claim({ claimant: MALI, valueMin: 25 }),
  ];

  it("source priority prefers tier 1 over wire agencies, media and governments", () => {
    const f = group(claims());
    expect(f.best).toBe(34);
    expect(f.rationale).toMatch(/Human Rights Watch.*tier 1/);
  });

  it("source priority: a party is tier 4 whatever its kind", () => {
    const f = group([claim({ claimant: ARMED_GROUP, valueMin: 50 }), claim({ claimant: LOCAL, valueMin: 40 })]);
    expect(f.best).toBe(40);
  });

  it("source priority ties → most recent claim", () => {
    const f = group([
      claim({ claimant: HRW, valueMin: 34, statedOn: "2025-03-04" }),
      claim({ claimant: UN, valueMin: 36, statedOn: "2025-03-10" }),
    ]);
    expect(f.best).toBe(36);
    expect(f.rationale).toContain("most recent");
  });

  it("source priority ties of date → the lower figure; unknown dates count as oldest", () => {
    expect(group([claim({ claimant: HRW, valueMin: 34 }), claim({ claimant: UN, valueMin: 32 })]).best).toBe(32);
    const f = group([
      claim({ claimant: HRW, valueMin: 34, statedOn: null }),
      claim({ claimant: UN, valueMin: 36, statedOn: "2025-01-01" }),
    ]);
    expect(f.best).toBe(36);
  });

  it("source priority uses the ceiling of an 'up to' claim and the midpoint of a range", () => {
    expect(group([claim({ claimant: HRW, valueMin: 0, valueMax: 40, qualifier: "at_most" })]).best).toBe(40);
    expect(group([claim({ claimant: HRW, valueMin: 25, valueMax: 30, qualifier: "range" })]).best).toBe(27);
  });

  it("conservative → best = low", () => {
    const f = group(claims(), "conservative");
    expect([f.low, f.best, f.high, f.method]).toEqual([25, 25, 34, "conservative"]);
    expect(f.rationale).toContain("Malian government");
  });

  it("median of point figures; even count → lower middle", () => {
    expect(group(claims(), "median").best).toBe(30);
    const odd = group([...claims(), claim({ claimant: UN, valueMin: 33 })], "median");
    expect(odd.best).toBe(31);
    expect(odd.method).toBe("median");
  });

  it("median ignores ranges and open claims; none left → falls back to low and says so", () => {
    const f = group([atLeast(AFP, 30), claim({ claimant: HRW, valueMin: 25, valueMax: 40, qualifier: "range" })], "median");
    expect(f.best).toBe(25);
    expect(f.rationale).toContain("falls back");
  });

  it("an editor decision overrides the method and keeps its rationale", () => {
    const decision: EditorDecision = {
      best: 30,
      low: null,
      high: null,
      rationale: "HRW names the dead; the government counted only three vehicles.",
      decidedBy: "editor@example.org",
      decidedAt: "2025-03-05T10:00:00.000Z",
    };
    const f = group(claims(), "conservative", decision);
    expect([f.low, f.best, f.high, f.method, f.rationale]).toEqual([25, 30, 34, "editor", decision.rationale]);
  });

  it("an editor's low/high replace the computed ones, and widen to contain the editor's best", () => {
    const base = { rationale: "r", decidedBy: "e", decidedAt: "2025-03-05T10:00:00.000Z" };
    const set = group(claims(), undefined, { ...base, best: 30, low: 28, high: 32 });
    expect([set.low, set.best, set.high]).toEqual([28, 30, 32]);
    const widened = group(claims(), undefined, { ...base, best: 40, low: 41, high: null });
    expect([widened.low, widened.best, widened.high]).toEqual([40, 40, 40]);
    const open = group([atLeast(AFP, 30)], undefined, { ...base, best: 35, low: null, high: null });
    expect([open.low, open.best, open.high]).toEqual([30, 35, null]);
  });

  it("reconcileIncident applies decisions by metric:category and the method to every group", () => {
    const figures = reconcileIncident(kobeClaims(), {
      method: "conservative",
      decisions: {
        "killed:attackers": { best: 18, low: null, high: null, rationale: "r", decidedBy: "e", decidedAt: "t" },
      },
    });
    const byKey = Object.fromEntries(figures.map((f) => [`${f.metric}:${f.category}`, f]));
    expect(byKey["killed:civilians"]?.best).toBe(25);
    expect(byKey["killed:attackers"]).toMatchObject({ low: 18, best: 18, high: 19, method: "editor" });
  });
});

describe("flags (rule 5)", () => {
  it("contested only when two intervals are disjoint (open upper = ∞)", () => {
    expect(group([claim({ claimant: HRW, valueMin: 34 }), claim({ claimant: AFP, valueMin: 25 })]).flags).toContain("contested");
    expect(group([claim({ claimant: HRW, valueMin: 34 }), atLeast(AFP, 30)]).flags).not.toContain("contested");
    expect(group([claim({ claimant: HRW, valueMin: 25 }), atLeast(AFP, 30)]).flags).toContain("contested");
    expect(
      group([claim({ claimant: HRW, valueMin: 25, valueMax: 30, qualifier: "range" }), claim({ claimant: AFP, valueMin: 30 })]).flags,
    ).not.toContain("contested");
  });

  it("single_source with one independent source, not with two", () => {
    expect(group([claim({ claimant: HRW, valueMin: 34 })]).flags).toContain("single_source");
    expect(group([claim({ claimant: HRW, valueMin: 34 }), claim({ claimant: AFP, valueMin: 34 })]).flags).not.toContain("single_source");
  });

  it("parties_only when every counted claimant is a party, including a party of non-party kind", () => {
    expect(group([claim({ claimant: MALI, valueMin: 19 }), claim({ claimant: ARMED_GROUP, valueMin: 19 })]).flags).toEqual([
      "parties_only",
    ]);
    expect(group([claim({ claimant: MALI, valueMin: 19 }), claim({ claimant: AFP, valueMin: 19 })]).flags).toEqual([]);
  });

  it("parties_only does not fire for a government not marked a party (local officials), official_lower still compares it", () => {
    const LOCAL_OFFICIALS = { id: "src-ansongo", name: "Ansongo local officials", kind: "government", isParty: false } as const;
    expect(group([claim({ claimant: LOCAL_OFFICIALS, valueMin: 19 })]).flags).toEqual(["single_source"]);
    expect(group([claim({ claimant: LOCAL_OFFICIALS, valueMin: 20 }), atLeast(AFP, 30)]).flags).toContain("official_lower");
    expect(group([claim({ claimant: LOCAL_OFFICIALS, valueMin: 40 })]).rationale).toContain("Ansongo local officials' figure");
    expect(group([claim({ claimant: LOCAL_OFFICIALS, valueMin: 40 })]).rationale).not.toContain("officials's");
  });

  it("official_lower when the highest party figure is below every independent lower bound", () => {
    expect(group([claim({ claimant: MALI, valueMin: 25 }), atLeast(AFP, 30)]).flags).toContain("official_lower");
    // The party's ceiling reaches the independent floor: not lower.
    expect(group([claim({ claimant: MALI, valueMin: 25, valueMax: 30, qualifier: "range" }), atLeast(AFP, 30)]).flags).not.toContain(
      "official_lower",
    );
    // The government saying more than the independents is not "official lower".
    expect(group([claim({ claimant: MALI, valueMin: 40 }), claim({ claimant: AFP, valueMin: 30 })]).flags).toEqual(["contested"]);
  });

  it("breakdown_mismatch when a claimant's subgroups do not add up to its total", () => {
    const f = group([
      claim({ claimant: HRW, valueMin: 34 }),
      claim({ claimant: HRW, subgroup: "Malian", valueMin: 13 }),
      claim({ claimant: HRW, subgroup: "foreign", valueMin: 20 }),
    ]);
    expect(f.flags).toEqual(["single_source", "breakdown_mismatch"]);
    expect(f.breakdowns[0]).toMatchObject({ total: { low: 34, high: 34 }, consistent: false });
    expect([f.low, f.best, f.high]).toEqual([34, 34, 34]);
  });

  it("an open subgroup can still add up to the total", () => {
    const f = group([
      claim({ claimant: HRW, valueMin: 34 }),
      claim({ claimant: HRW, subgroup: "Malian", valueMin: 13 }),
      atLeast(HRW, 10, { subgroup: "foreign" }),
    ]);
    expect(f.flags).not.toContain("breakdown_mismatch");
  });

  it("open_ended only when a counted interval is open", () => {
    expect(group([atLeast(AFP, 30)]).flags).toContain("open_ended");
    expect(group([claim({ claimant: AFP, valueMin: 30 })]).flags).not.toContain("open_ended");
  });
});

describe("which claims count (rule 2)", () => {
  it("a superseded claim is excluded and the newer one counts", () => {
    const old = claim({ claimant: MALI, valueMin: 20, statedOn: "2025-02-08" });
    const newer = claim({ claimant: MALI, valueMin: 25, statedOn: "2025-02-07", supersedesId: old.id });
    const f = group([old, newer]);
    expect([f.low, f.best, f.high]).toEqual([25, 25, 25]);
    expect(f.excluded).toEqual([{ claimId: old.id, reason: "superseded" }]);
    expect(f.claimCount).toBe(2);
  });

  it("a retracted superseding claim does not supersede, and is not counted at all", () => {
    const old = claim({ claimant: MALI, valueMin: 20 });
    const retracted = claim({ claimant: MALI, valueMin: 25, supersedesId: old.id, retracted: true });
    const f = group([old, retracted]);
    expect(f.best).toBe(20);
    expect(f.excluded).toEqual([]);
    expect(f.claimCount).toBe(1);
  });

  it("not_credible and duplicate claims are shown as excluded and do not count", () => {
    const hrw = claim({ claimant: HRW, valueMin: 34 });
    const bad = claim({ claimant: LOCAL, valueMin: 300, assessment: "not_credible" });
    const dup = claim({ claimant: AFP, valueMin: 10, assessment: "duplicate" });
    const f = group([hrw, bad, dup]);
    expect([f.low, f.best, f.high]).toEqual([34, 34, 34]);
    expect(f.excluded).toEqual(
      [
        { claimId: bad.id, reason: "not_credible" as const },
        { claimId: dup.id, reason: "duplicate" as const },
      ].sort((a, b) => (a.claimId < b.claimId ? -1 : 1)),
    );
    expect([f.claimCount, f.sourceCount, f.independentSourceCount]).toEqual([3, 3, 1]);
  });

  it("not_assessed claims count as credible", () => {
    expect(group([claim({ claimant: HRW, valueMin: 34, assessment: "not_assessed" })]).best).toBe(34);
  });

  it("retracted claims are ignored entirely; a group of only retracted claims has no figure", () => {
    const f = group([claim({ claimant: HRW, valueMin: 34 }), claim({ claimant: AFP, valueMin: 1, retracted: true })]);
    expect([f.low, f.claimCount, f.sourceCount, f.excluded]).toEqual([34, 1, 1, []]);
    expect(reconcileGroup([claim({ claimant: HRW, valueMin: 34, retracted: true })])).toBeNull();
    expect(reconcileIncident([claim({ claimant: HRW, valueMin: 34, retracted: true })])).toEqual([]);
  });

  it("a group whose claims are all excluded has no figure unless an editor decided one", () => {
    const bad = claim({ claimant: HRW, valueMin: 34, assessment: "not_credible" });
    expect(reconcileGroup([bad])).toBeNull();
    const decided = group([bad], undefined, { best: 5, low: null, high: null, rationale: "r", decidedBy: "e", decidedAt: "t" });
    expect([decided.low, decided.best, decided.high, decided.usedClaimIds]).toEqual([5, 5, 5, []]);
  });

  it("repeated reports of one claimant's figure count once: the latest wins", () => {
    const first = claim({ claimant: MALI, valueMin: 20, statedOn: "2025-02-08" });
    const again = claim({ claimant: MALI, valueMin: 25, statedOn: "2025-02-09" });
    const undated = claim({ claimant: MALI, valueMin: 30, statedOn: null });
    const f = group([again, undated, first]);
    expect([f.low, f.best, f.high]).toEqual([25, 25, 25]);
    expect(f.usedClaimIds).toEqual([again.id]);
    expect(f.excluded.map((e) => e.reason)).toEqual(["repeated_report", "repeated_report"]);
    expect(f.independentSourceCount).toBe(1);
  });

  it("same statedOn → later createdAt wins, then the greater id", () => {
    const a = claim({ id: "a", claimant: MALI, valueMin: 20, createdAt: "2025-03-02T00:00:00.000Z" });
    const b = claim({ id: "b", claimant: MALI, valueMin: 25, createdAt: "2025-03-01T00:00:00.000Z" });
    expect(group([a, b]).best).toBe(20);
    const c = claim({ id: "c", claimant: MALI, valueMin: 26, createdAt: a.createdAt });
    expect(group([c, a]).best).toBe(26);
  });

  it("a claimant with only subgroup figures counts with their sum", () => {
    const malian = claim({ claimant: HRW, subgroup: "Malian", valueMin: 13 });
    const foreign = atLeast(HRW, 21, { subgroup: "foreign" });
    const gov = claim({ claimant: MALI, valueMin: 25 });
    const f = group([foreign, gov, malian]);
    // HRW's derived total is [34, ∞): it wins on priority and, being open, adds its floor to high.
    expect([f.low, f.best, f.high]).toEqual([25, 34, 34]);
    expect(f.usedClaimIds).toEqual([foreign.id, gov.id, malian.id].sort());
  });

  it("a derived total: lows and highs summed (open if any is open), ids are the subgroup ids", () => {
    const malian = claim({ id: "m", claimant: HRW, subgroup: "Malian", valueMin: 13 });
    const foreign = claim({ id: "f", claimant: HRW, subgroup: "foreign", valueMin: 20, valueMax: 22, qualifier: "range" });
    const f = group([foreign, malian]);
    expect([f.low, f.best, f.high]).toEqual([33, 34, 35]);
    expect(f.usedClaimIds).toEqual(["f", "m"]);
    expect(f.excluded).toEqual([]);
    expect(f.breakdowns).toEqual([
      {
        claimantId: HRW.id,
        subgroups: [
          { subgroup: "Malian", low: 13, high: 13 },
          { subgroup: "foreign", low: 20, high: 22 },
        ],
        total: null,
        consistent: true,
      },
    ]);
    expect(f.rationale).toContain("sum of its subgroup figures");
    const open = group([malian, atLeast(HRW, 21, { subgroup: "foreign" })]);
    expect([open.low, open.high, open.flags]).toEqual([34, null, ["single_source", "open_ended"]]);
  });

  it("a not-credible total lets the claimant's subgroups stand in for it", () => {
    const total = claim({ claimant: HRW, valueMin: 90, assessment: "not_credible" });
    const part = claim({ id: "part", claimant: HRW, subgroup: "Malian", valueMin: 13 });
    const f = group([total, part]);
    expect([f.best, f.usedClaimIds]).toEqual([13, ["part"]]);
  });

  it("rejects claims of different groups", () => {
    expect(() => reconcileGroup([claim({ claimant: HRW, valueMin: 1 }), claim({ claimant: HRW, valueMin: 1, metric: "injured" })])).toThrow(
      /expected killed:civilians/,
    );
  });
});

describe("independence (rule 6)", () => {
  it("a republisher relaying HRW is not a new independent source", () => {
    const hrw = claim({ claimant: HRW, valueMin: 34 });
    const mirage = claim({ claimant: MIRAGE, valueMin: 34, relaysSourceIds: [HRW.id] });
    const f = group([hrw, mirage]);
    expect([f.sourceCount, f.independentSourceCount]).toEqual([2, 1]);
    expect(f.flags).toEqual(["single_source"]);
    expect(f.usedClaimIds).toHaveLength(2);
  });

  it("a document relaying two sources stands for both of them", () => {
    const f = group([claim({ claimant: MIRAGE, valueMin: 34, relaysSourceIds: [AFP.id, RFI.id] })]);
    expect(f.independentSourceCount).toBe(2);
    expect(f.flags).not.toContain("single_source");
  });

  it("excluded claims do not add independent sources", () => {
    const f = group([claim({ claimant: HRW, valueMin: 34 }), claim({ claimant: AFP, valueMin: 30, assessment: "duplicate" })]);
    expect([f.sourceCount, f.independentSourceCount]).toEqual([2, 1]);
  });
});
