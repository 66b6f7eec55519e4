// The rationale in the reader's language: in English the catalogue gives exactly what the engine
// stores; in French the same explanation reads in French.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { englishRationale, explainGroup, type EngineClaim, type ExplainedFigure, type RationaleParts } from "@/lib/domain/reconcile";
import { explainIncident, type ComputedMethod } from "@/lib/domain/reconcile";
import { SOURCE_KINDS } from "@/lib/domain/vocabularies";
import { testI18n } from "@/lib/i18n/test-i18n";
import { rationaleText } from "./localized-rationale";

const en = testI18n("en");
const fr = testI18n("fr");

const HRW = { id: "src-hrw", name: "HRW", kind: "ngo", isParty: false } as const;
const AMNESTY = { id: "src-amnesty", name: "Amnesty International", kind: "ngo", isParty: false } as const;
const MALI = { id: "src-mali-gov", name: "Malian government", kind: "government", isParty: true } as const;
const OFFICIALS = { id: "src-officials", name: "Ansongo local officials", kind: "government", isParty: false } as const;
const AFP = { id: "src-afp", name: "AFP", kind: "wire_agency", isParty: false } as const;

let sequence = 0;
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
    createdAt: "2025-03-01T00:00:00.000Z",
    relaysSourceIds: [],
    supersedesId: null,
    assessment: "credible",
    retracted: false,
    ...overrides,
  };
}

function explained(claims: EngineClaim[], method?: ComputedMethod): ExplainedFigure {
  const figure = explainGroup(claims, method);
  if (!figure) throw new Error("expected a figure");
  return figure;
}

/** The English wording of the catalogue is the engine's stored rationale, byte for byte. */
function expectEnglishAsStored(figure: ExplainedFigure): void {
  expect(rationaleText(en, figure.explanation)).toBe(figure.rationale);
  expect(englishRationale(figure.explanation)).toBe(figure.rationale);
}

describe("rationaleText", () => {
  it("source priority, one credible figure", () => {
    const f = explained([claim({ claimant: HRW, valueMin: 34 })]);
    expect(f.explanation.kind).toBe("source_priority_single");
    expect(f.rationale).toBe(
      "Best 34 is HRW's figure, the only credible figure (source priority tier 1 of 4: independent investigators and the UN).",
    );
    expectEnglishAsStored(f);
    expect(rationaleText(fr, f.explanation)).toBe(
      "Meilleure estimation 34 : le chiffre avancé par HRW, seul chiffre crédible (priorité des sources, niveau 1 sur 4 : enquêteurs indépendants et Nations unies).",
    );
  });

  it("source priority over several tiers, no tie", () => {
    const f = explained([claim({ claimant: HRW, valueMin: 34 }), claim({ claimant: MALI, valueMin: 25, statedOn: "2025-02-08" })]);
    expect(f.rationale).toBe(
      "Best 34 is HRW's figure: source priority ranks independent investigators and the UN (tier 1 of 4) highest among the credible figures.",
    );
    expectEnglishAsStored(f);
    expect(rationaleText(fr, f.explanation)).toBe(
      "Meilleure estimation 34 : le chiffre avancé par HRW. Parmi les chiffres crédibles, la priorité des sources place en tête le niveau 1 sur 4 : enquêteurs indépendants et Nations unies.",
    );
  });

  it("source priority, a tie broken by the most recent figure", () => {
    const f = explained([
      claim({ claimant: HRW, valueMin: 34, statedOn: "2025-03-04" }),
      claim({ claimant: AMNESTY, valueMin: 30, statedOn: "2025-02-08" }),
      claim({ claimant: MALI, valueMin: 25 }),
    ]);
    expect(f.rationale).toContain("Of 2 figures in that tier it is the most recent (2025-03-04).");
    expectEnglishAsStored(f);
    expect(rationaleText(fr, f.explanation)).toBe(
      "Meilleure estimation 34 : le chiffre avancé par HRW. Parmi les chiffres crédibles, la priorité des sources place en tête le niveau 1 sur 4 : enquêteurs indépendants et Nations unies. Des 2 chiffres de ce niveau, c’est le plus récent (4 mars 2025).",
    );
  });

  it("source priority, a tie between equally recent figures: the lowest", () => {
    const f = explained([claim({ claimant: HRW, valueMin: 34 }), claim({ claimant: AMNESTY, valueMin: 30 })]);
    expect(f.rationale).toBe(
      "Best 30 is Amnesty International's figure: source priority ranks independent investigators and the UN (tier 1 of 4) highest among the credible figures. Of 2 equally recent figures in that tier it is the lowest.",
    );
    expectEnglishAsStored(f);
    expect(rationaleText(fr, f.explanation)).toBe(
      "Meilleure estimation 30 : le chiffre avancé par Amnesty International. Parmi les chiffres crédibles, la priorité des sources place en tête le niveau 1 sur 4 : enquêteurs indépendants et Nations unies. Des 2 chiffres de ce niveau, tous aussi récents, c’est le plus bas.",
    );
  });

  it("source priority, figures of the same tier that agree", () => {
    const f = explained([
      claim({ claimant: HRW, valueMin: 34 }),
      claim({ claimant: AMNESTY, valueMin: 34 }),
      claim({ claimant: AFP, valueMin: 1200 }),
    ]);
    expect(f.rationale).toContain(" 2 figures in that tier agree on 34.");
    expectEnglishAsStored(f);
    expect(rationaleText(fr, f.explanation)).toContain(". Les 2 chiffres de ce niveau concordent : 34.");
  });

  it("a derived total and a name ending in s", () => {
    const f = explained([
      claim({ claimant: OFFICIALS, valueMin: 13, subgroup: "Malian" }),
      claim({ claimant: OFFICIALS, valueMin: 21, subgroup: "foreign" }),
    ]);
    expect(f.rationale).toBe(
      "Best 34 is Ansongo local officials' figure (the sum of its subgroup figures), the only credible figure (source priority tier 4 of 4: governments and parties to the conflict).",
    );
    expectEnglishAsStored(f);
    expect(rationaleText(fr, f.explanation)).toBe(
      "Meilleure estimation 34 : le chiffre avancé par Ansongo local officials (somme de ses chiffres par sous-groupe), seul chiffre crédible (priorité des sources, niveau 4 sur 4 : gouvernements et parties au conflit).",
    );
  });

  it("conservative", () => {
    const f = explained(
      [claim({ claimant: HRW, valueMin: 34 }), claim({ claimant: MALI, valueMin: 1250 }), claim({ claimant: AFP, valueMin: 34 })],
      "conservative",
    );
    expect(f.rationale).toBe("Best 34 is the lowest credible figure, from AFP, HRW (conservative method).");
    expectEnglishAsStored(f);
    expect(rationaleText(fr, f.explanation)).toBe(
      "Meilleure estimation 34 : le plus bas des chiffres crédibles, avancé par AFP, HRW (méthode prudente).",
    );
  });

  it("median of an odd and an even count of single figures", () => {
    const odd = explained(
      [claim({ claimant: HRW, valueMin: 34 }), claim({ claimant: MALI, valueMin: 25 }), claim({ claimant: AFP, valueMin: 1500 })],
      "median",
    );
    expect(odd.rationale).toBe("Best 34 is the median of 3 single figures (25, 34, 1500), given by HRW.");
    expectEnglishAsStored(odd);
    expect(rationaleText(fr, odd.explanation)).toBe(
      "Meilleure estimation 34 : médiane des 3 chiffres ponctuels (25, 34, 1\u202f500), chiffre donné par HRW.",
    );

    const even = explained([claim({ claimant: HRW, valueMin: 34 }), claim({ claimant: MALI, valueMin: 25 })], "median");
    expect(even.rationale).toBe(
      "Best 25 is the median of 2 single figures (25, 34) (the lower middle value, so it is a figure a source gave), given by Malian government.",
    );
    expectEnglishAsStored(even);
    expect(rationaleText(fr, even.explanation)).toBe(
      "Meilleure estimation 25 : médiane des 2 chiffres ponctuels (25, 34) (la plus basse des deux valeurs centrales, pour rester un chiffre donné par une source), chiffre donné par Malian government.",
    );

    const one = explained(
      [claim({ claimant: HRW, valueMin: 34 }), claim({ claimant: MALI, valueMin: 20, valueMax: 30, qualifier: "range" })],
      "median",
    );
    expectEnglishAsStored(one);
    expect(rationaleText(fr, one.explanation)).toBe(
      "Meilleure estimation 34 : médiane du seul chiffre ponctuel (34), chiffre donné par HRW.",
    );
  });

  it("median with no single figure falls back to low", () => {
    const f = explained([claim({ claimant: HRW, valueMin: 30, valueMax: null, qualifier: "at_least" })], "median");
    expect(f.rationale).toBe("No source gave a single figure to take a median of, so best falls back to the low figure 30, from HRW.");
    expectEnglishAsStored(f);
    expect(rationaleText(fr, f.explanation)).toBe(
      "Aucune source n’a donné de chiffre ponctuel dont prendre la médiane : la meilleure estimation retombe sur le chiffre bas, 30, avancé par HRW.",
    );
  });

  it("a clamp note", () => {
    const parts: RationaleParts = { kind: "conservative", best: 40, claimants: ["HRW"], clamp: { low: 20, high: null } };
    expect(englishRationale(parts)).toBe("Best 40 is the lowest credible figure, from HRW (conservative method). Clamped into [20, open].");
    expect(rationaleText(en, parts)).toBe(englishRationale(parts));
    const bounded: RationaleParts = { ...parts, clamp: { low: 20, high: 1300 } };
    expect(rationaleText(en, bounded)).toBe(englishRationale(bounded));
    expect(rationaleText(fr, parts)).toBe(
      "Meilleure estimation 40 : le plus bas des chiffres crédibles, avancé par HRW (méthode prudente). Ramenée dans l’intervalle [20 ; ouvert].",
    );
    expect(rationaleText(fr, bounded)).toMatch(/\[20 ; 1\u202f300\]\.$/);
  });

  it("an editor's decision is their own words in every language", () => {
    const parts: RationaleParts = { kind: "editor", text: "Les chiffres de HRW sont les mieux documentés." };
    expect(rationaleText(fr, parts)).toBe(parts.text);
    expect(rationaleText(en, parts)).toBe(parts.text);
    expect(englishRationale(parts)).toBe(parts.text);
  });

  it("in English, equals the stored rationale whatever the claims (random incidents)", () => {
    const names = ["HRW", "Ansongo local officials", "AFP", "Radio Gao"];
    const claimArb = fc.record({
      who: fc.integer({ min: 0, max: names.length - 1 }),
      kind: fc.constantFrom(...SOURCE_KINDS),
      isParty: fc.boolean(),
      metric: fc.constantFrom("killed" as const, "injured" as const),
      subgroup: fc.constantFrom<string | null>(null, null, "Malian"),
      low: fc.integer({ min: 0, max: 2000 }),
      span: fc.option(fc.integer({ min: 0, max: 30 })),
      statedOn: fc.option(fc.constantFrom("2025-02-08", "2025-02-09", "2025-03-04")),
    });
    fc.assert(
      fc.property(
        fc.array(claimArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom<ComputedMethod>("source_priority", "conservative", "median"),
        (drafts, method) => {
          const claims = drafts.map((d, i) =>
            claim({
              id: `r${i}`,
              claimant: { id: `s${d.who}`, name: names[d.who]!, kind: d.kind, isParty: d.isParty },
              metric: d.metric,
              subgroup: d.subgroup,
              valueMin: d.low,
              valueMax: d.span === null ? null : d.low + d.span,
              qualifier: d.span === null ? "at_least" : d.span === 0 ? "exact" : "range",
              statedOn: d.statedOn,
            }),
          );
          for (const figure of explainIncident(claims, { method })) expectEnglishAsStored(figure);
        },
      ),
      { numRuns: 300 },
    );
  });
});
