import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reconcileGroup, reconcileIncident } from "./reconcile";
import type { ComputedMethod, EditorDecision, EngineClaim, Figure, GroupKey } from "./reconcile";
import { FLAGS, SOURCE_KINDS } from "./vocabularies";
import type { Assessment, Category, Metric, Qualifier } from "./vocabularies";

// Two cores: keep the runs modest.
const RUNS = { numRuns: 200 };
const COMPUTED_METHODS: ComputedMethod[] = ["source_priority", "conservative", "median"];

// ---------------------------------------------------------------------------------------
// Arbitraries: a handful of claimants with random kinds, claims over two metrics × two
// categories (so incident-level grouping and ordering are exercised too), intervals that
// agree with their qualifier, random assessments, and supersede links to an earlier claim
// of the same claimant.

type Claimant = EngineClaim["claimant"];
type Interval = Pick<EngineClaim, "qualifier" | "valueMin" | "valueMax">;

const claimantArb = (id: string): fc.Arbitrary<Claimant> =>
  fc.record({ kind: fc.constantFrom(...SOURCE_KINDS), isParty: fc.boolean() }).map((r) => ({ id, name: `Source ${id}`, ...r }));

const POOL_SIZE = 4;
const poolArb = fc.tuple(...Array.from({ length: POOL_SIZE }, (_, i) => claimantArb(`s${i}`)));

const value = fc.integer({ min: 0, max: 60 });
const interval = (qualifier: Qualifier, valueMin: number, valueMax: number | null): Interval => ({
  qualifier,
  valueMin,
  valueMax,
});
const intervalArb: fc.Arbitrary<Interval> = fc.oneof(
  value.map((v) => interval("exact", v, v)),
  value.map((v) => interval("approximately", v, v)),
  value.map((v) => interval("at_least", v, null)),
  value.map((v) => interval("more_than", v + 1, null)),
  value.map((v) => interval("at_most", 0, v)),
  fc.tuple(value, fc.integer({ min: 1, max: 20 })).map(([v, d]) => interval("range", v, v + d)),
  fc.tuple(fc.constantFrom(10, 12, 100), fc.boolean()).map(([v, open]) => interval("vague", v, open ? null : v)),
);

const DATES = ["2025-02-08", "2025-02-09", "2025-02-24", "2025-03-04"];
const statedOnArb = fc.option(fc.constantFrom(...DATES), { freq: 4 });
// Few distinct dates and entry times, so ties (which must be broken by id) happen often.
const CREATED = ["2025-03-01T00:00:00.000Z", "2025-03-02T12:00:00.000Z"];
const METRICS_USED: Metric[] = ["killed", "injured"];
const CATEGORIES_USED: Category[] = ["civilians", "unspecified"];
const CREDIBLE: Assessment[] = ["credible", "not_assessed"];

const draftArb = fc.record({
  claimantIndex: fc.integer({ min: 0, max: POOL_SIZE - 1 }),
  metric: fc.constantFrom(...METRICS_USED),
  category: fc.constantFrom(...CATEGORIES_USED),
  subgroup: fc.constantFrom<string | null>(null, null, null, "Malian", "foreign"),
  interval: intervalArb,
  statedOn: statedOnArb,
  createdAt: fc.constantFrom(...CREATED),
  assessment: fc.constantFrom<Assessment>("credible", "credible", "not_assessed", "not_credible", "duplicate"),
  retracted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  relays: fc.subarray(["s0", "s1", "s2", "s3"], { maxLength: 2 }).chain((ids) => fc.constantFrom(ids, [], [])),
  supersedes: fc.option(fc.nat(), { freq: 3 }),
});
type Draft = typeof draftArb extends fc.Arbitrary<infer T> ? T : never;

function buildClaims(pool: Claimant[], drafts: Draft[]): EngineClaim[] {
  const claims: EngineClaim[] = [];
  drafts.forEach((d, i) => {
    const claimant = pool[d.claimantIndex];
    if (!claimant) throw new Error("claimant index out of range");
    const earlier = claims.filter((c) => c.claimant.id === claimant.id);
    const target = d.supersedes === null ? undefined : earlier[d.supersedes % Math.max(earlier.length, 1)];
    claims.push({
      id: `k${String(i).padStart(2, "0")}`,
      metric: d.metric,
      category: d.category,
      subgroup: d.subgroup,
      ...d.interval,
      statedOn: d.statedOn,
      createdAt: d.createdAt,
      claimant,
      relaysSourceIds: d.relays.filter((id) => id !== claimant.id),
      supersedesId: target?.id ?? null,
      assessment: d.assessment,
      retracted: d.retracted,
    });
  });
  return claims;
}

const claimsArb = fc.tuple(poolArb, fc.array(draftArb, { minLength: 1, maxLength: 12 })).map(([pool, drafts]) => buildClaims(pool, drafts));

/** Claims of one group (killed · civilians), for the reconcileGroup properties. */
const groupClaimsArb = fc.tuple(poolArb, fc.array(draftArb, { minLength: 1, maxLength: 10 })).map(([pool, drafts]) =>
  buildClaims(
    pool,
    drafts.map((d) => ({ ...d, metric: "killed", category: "civilians" })),
  ),
);

const methodArb = fc.constantFrom(...COMPUTED_METHODS);

const decisionArb: fc.Arbitrary<EditorDecision> = fc.record({
  best: value,
  low: fc.option(value),
  high: fc.option(value),
  rationale: fc.constant("editor's reasons"),
  decidedBy: fc.constant("editor@example.org"),
  decidedAt: fc.constant("2025-03-05T10:00:00.000Z"),
});
const decisionsArb = fc.dictionary(
  fc.constantFrom<GroupKey>("killed:civilians", "killed:unspecified", "injured:civilians", "injured:unspecified"),
  decisionArb,
  { maxKeys: 2 },
);

/** What an analyst reads off a figure: the numbers and the flags. */
function core(figures: Figure[]) {
  return figures.map((f) => ({
    key: `${f.metric}:${f.category}`,
    low: f.low,
    best: f.best,
    high: f.high,
    flags: f.flags,
  }));
}

function assertOrdered(f: Figure): void {
  expect(f.low).toBeLessThanOrEqual(f.best);
  if (f.high !== null) expect(f.best).toBeLessThanOrEqual(f.high);
}

// ---------------------------------------------------------------------------------------

describe("reconciliation properties", () => {
  it("(a) low ≤ best ≤ high (when high is bounded) for every method, editor decisions included", () => {
    fc.assert(
      fc.property(claimsArb, decisionsArb, (claims, decisions) => {
        for (const method of COMPUTED_METHODS) reconcileIncident(claims, { method }).forEach(assertOrdered);
        reconcileIncident(claims, { decisions }).forEach(assertOrdered);
      }),
      RUNS,
    );
  });

  it("(b) the order of the claims never changes the result", () => {
    const permuted = fc
      .oneof(claimsArb, groupClaimsArb)
      .chain((claims) =>
        fc.tuple(fc.constant(claims), fc.shuffledSubarray(claims, { minLength: claims.length, maxLength: claims.length })),
      );
    fc.assert(
      fc.property(permuted, methodArb, decisionsArb, ([claims, shuffled], method, decisions) => {
        const options = { method, decisions };
        expect(reconcileIncident(shuffled, options)).toEqual(reconcileIncident(claims, options));
      }),
      RUNS,
    );
  });

  it("(c) a not-credible, duplicate or retracted claim never changes the figures or flags", () => {
    const howArb = fc.constantFrom("not_credible", "duplicate", "retracted");
    const ignoredArb = fc.tuple(claimsArb, draftArb, claimantArb("s-new"), fc.boolean(), howArb);
    fc.assert(
      fc.property(ignoredArb, methodArb, ([claims, draft, newcomer, fromNewcomer, how], method) => {
        const [existing] = claims;
        const claimant = fromNewcomer || !existing ? newcomer : existing.claimant;
        const [extra] = buildClaims([claimant], [{ ...draft, claimantIndex: 0, supersedes: null }]);
        if (!extra) throw new Error("no claim built");
        const ignored: EngineClaim =
          how === "retracted" ? { ...extra, id: "x", retracted: true } : { ...extra, id: "x", retracted: false, assessment: how };
        const withIgnored = reconcileIncident([...claims, ignored], { method });
        expect(core(withIgnored)).toEqual(core(reconcileIncident(claims, { method })));
      }),
      RUNS,
    );
  });

  it("(c) adding an older claim that an existing claim supersedes never changes the figures or flags", () => {
    fc.assert(
      fc.property(claimsArb, fc.nat(), intervalArb, statedOnArb, methodArb, (claims, pick, iv, statedOn, method) => {
        const candidates = claims.filter((c) => !c.retracted && c.supersedesId === null);
        const newer = candidates[pick % Math.max(candidates.length, 1)];
        fc.pre(newer !== undefined);
        if (!newer) return;
        const base = claims.map((c) => (c.id === newer.id ? { ...c, supersedesId: "x" } : c));
        const older: EngineClaim = { ...newer, ...iv, id: "x", statedOn, supersedesId: null, assessment: "credible" };
        const withOlder = reconcileIncident([...base, older], { method });
        expect(core(withOlder)).toEqual(core(reconcileIncident(base, { method })));
      }),
      RUNS,
    );
  });

  // Exception, by rule 3: when every earlier interval was open-ended (high open), a bounded
  // claim closes high — the figure becomes bounded, which is not "lowering" an open high.
  it("(d) a credible claim from a new claimant never raises low nor lowers a bounded high (an open high may close)", () => {
    const newClaimArb = fc.tuple(draftArb, claimantArb("s-new"), fc.constantFrom(...CREDIBLE));
    fc.assert(
      fc.property(groupClaimsArb, newClaimArb, methodArb, (claims, [draft, newcomer, assessment], method) => {
        const before = reconcileGroup(claims, method);
        fc.pre(before !== null);
        if (!before) return;
        const inGroup = { ...draft, claimantIndex: 0, metric: "killed", category: "civilians", supersedes: null } as const;
        const [built] = buildClaims([newcomer], [inGroup]);
        if (!built) throw new Error("no claim built");
        const added: EngineClaim = { ...built, id: "x", assessment, retracted: false };
        const after = reconcileGroup([...claims, added], method);
        expect(after).not.toBeNull();
        if (!after) return;
        expect(after.low).toBeLessThanOrEqual(before.low);
        if (before.high !== null) {
          expect(after.high).not.toBeNull();
          expect(after.high ?? Infinity).toBeGreaterThanOrEqual(before.high);
        }
      }),
      RUNS,
    );
  });

  it("every non-retracted claim is either used or excluded, exactly once; flags are in vocabulary order", () => {
    fc.assert(
      fc.property(claimsArb, methodArb, (claims, method) => {
        for (const f of reconcileIncident(claims, { method })) {
          const live = claims.filter((c) => !c.retracted && c.metric === f.metric && c.category === f.category);
          const accounted = [...f.usedClaimIds, ...f.excluded.map((e) => e.claimId)].sort();
          expect(accounted).toEqual(live.map((c) => c.id).sort());
          expect(f.claimCount).toBe(live.length);
          expect(f.flags).toEqual(FLAGS.filter((flag) => f.flags.includes(flag)));
        }
      }),
      RUNS,
    );
  });
});
