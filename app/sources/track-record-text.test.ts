// The track-record words in both languages. English must read exactly as before the catalogues
// (lib/track-record's describeStats, which the API and sources.csv keep, is the reference).
import { describe, expect, it } from "vitest";
import { testI18n } from "@/lib/i18n/test-i18n";
import { describeStats, type TrackStats } from "@/lib/track-record/track-record-stats";
import { caveat, detailLines, formatRatio, groupLabel, ratioCell, statsInWords } from "./track-record-text";

const en = testI18n("en");
const fr = testI18n("fr");

const base: TrackStats = {
  incidents: 1,
  compared: 1,
  lower: 1,
  within: 0,
  higher: 0,
  openEnded: 0,
  midpoints: 0,
  ratioN: 1,
  ratio: null,
  revised: 0,
  revisedUp: 0,
  revisedDown: 0,
  medianDelayDays: null,
};
const stats = (over: Partial<TrackStats>): TrackStats => ({ ...base, ...over });

const cases: TrackStats[] = [
  stats({ incidents: 0, compared: 0, lower: 0 }),
  stats({ incidents: 1, compared: 0, lower: 0 }),
  stats({ incidents: 3, compared: 0, lower: 0 }),
  base,
  stats({ incidents: 4, compared: 4, lower: 0, within: 1, higher: 3 }),
  stats({ incidents: 9, compared: 7, lower: 1, within: 5, higher: 1, ratioN: 3 }),
  stats({ incidents: 20, compared: 18, lower: 14, within: 3, higher: 1, ratioN: 18, ratio: { median: 0.74, low: 0.62, high: 0.88 } }),
  stats({ incidents: 8, compared: 8, lower: 0, within: 0, higher: 8, ratioN: 8, ratio: { median: 1.5, low: 1.1, high: 12.4 } }),
];

describe("statsInWords", () => {
  it.each(cases.map((c) => [describeStats(c), c] as const))("English reads as describeStats: %s", (expected, c) => {
    expect(statsInWords(en, c)).toBe(expected);
  });

  it("French, with French decimals and plural", () => {
    expect(statsInWords(fr, base)).toBe(
      "plus bas que les autres sources pour 1 incident sur 1 (plus bas 1, dans la fourchette 0, plus haut 0) ; seulement 1 incident à comparer, trop peu pour un rapport typique (il en faut au moins 5)",
    );
    expect(statsInWords(fr, cases[6]!)).toBe(
      "plus bas que les autres sources pour 14 incidents sur 18 (plus bas 14, dans la fourchette 3, plus haut 1) ; en général 0,74× (0,62–0,88) leur chiffre",
    );
    expect(statsInWords(fr, cases[1]!)).toBe(
      "aucune autre source indépendante n’a donné de chiffre sur le 1 incident qu’elle a signalé : rien à comparer",
    );
    expect(statsInWords(fr, cases[2]!)).toBe(
      "aucune autre source indépendante n’a donné de chiffre sur les 3 incidents qu’elle a signalés : rien à comparer",
    );
    expect(statsInWords(fr, cases[0]!)).toBe("aucun chiffre ici");
  });
});

describe("detailLines", () => {
  it("English as before", () => {
    expect(detailLines(en, base)).toEqual([
      "Figures on 1 incident; compared on 1 incident where at least one other independent source gave a figure.",
      "With a single incident there is no pattern to speak of: read it as that one incident, not as a tendency.",
      "It never replaced its first figure on these incidents.",
    ]);
    expect(
      detailLines(
        en,
        stats({ incidents: 12, compared: 10, openEnded: 2, midpoints: 1, revised: 4, revisedUp: 2, revisedDown: 1, medianDelayDays: 1.4 }),
      ),
    ).toEqual([
      "Figures on 12 incidents; compared on 10 incidents where at least one other independent source gave a figure.",
      'Of those, 2 open-ended figures ("at least …") counted by their lower bound and 1 range counted by its midpoint.',
      "Its first figure was later replaced on 4 incidents: 2 upwards, 1 downwards, 1 unchanged.",
      "Median delay from the incident's start to its first claim: 1 day.",
    ]);
    expect(detailLines(en, stats({ incidents: 1, compared: 0, lower: 0, openEnded: 1, medianDelayDays: 3 }))).toEqual([
      "Figures on 1 incident; compared on 0 incidents where at least one other independent source gave a figure.",
      'Of those, 1 open-ended figure ("at least …") counted by its lower bound.',
      "Median delay from the incident's start to its first claim: 3 days.",
    ]);
    expect(detailLines(en, stats({ compared: 2, revised: 2, revisedUp: 1, revisedDown: 1 }))[1]).toBe(
      "Its first figure was later replaced on 2 incidents: 1 upwards, 1 downwards.",
    );
    expect(detailLines(en, stats({ incidents: 2000, compared: 1500 }))[0]).toBe(
      "Figures on 2,000 incidents; compared on 1,500 incidents where at least one other independent source gave a figure.",
    );
  });

  it("French", () => {
    expect(
      detailLines(
        fr,
        stats({ incidents: 12, compared: 10, openEnded: 2, midpoints: 1, revised: 4, revisedUp: 2, revisedDown: 1, medianDelayDays: 1.4 }),
      ),
    ).toEqual([
      "Chiffres donnés sur 12 incidents ; comparés sur 10 incidents où au moins une autre source indépendante a donné un chiffre.",
      "Parmi ces chiffres, 2 chiffres ouverts (« au moins … ») comptés par leur borne inférieure et 1 fourchette comptée par son point médian.",
      "Son premier chiffre a ensuite été remplacé sur 4 incidents : 2 à la hausse, 1 à la baisse, 1 sans changement.",
      "Délai médian entre le début de l’incident et sa première déclaration : 1 jour.",
    ]);
    expect(detailLines(fr, base)).toEqual([
      "Chiffres donnés sur 1 incident ; comparés sur 1 incident où au moins une autre source indépendante a donné un chiffre.",
      "Un seul incident ne permet de dégager aucune tendance : lisez-le comme ce cas isolé, pas comme une habitude.",
      "Cette source n’a jamais remplacé son premier chiffre sur ces incidents.",
    ]);
    // French groups thousands with a narrow no-break space.
    expect(detailLines(fr, stats({ incidents: 2000, compared: 1500 }))[0]).toMatch(/^Chiffres donnés sur 2\s000 incidents ;/);
  });
});

describe("labels, ratios and the caveat", () => {
  it("groupLabel in both languages", () => {
    expect(groupLabel(en, { metric: "killed", category: "civilians" })).toBe("killed · civilians");
    expect(groupLabel(fr, { metric: "killed", category: "civilians" })).toBe("tués · civils");
  });

  it("ratios as lib/track-record writes them, with the locale's decimal sign", () => {
    expect([0.742, 1.5, 1, 1.25, 12.4].map((x) => formatRatio(en, x))).toEqual(["0.74", "1.5", "1.0", "1.25", "12"]);
    expect([0.742, 1.5, 12.4].map((x) => formatRatio(fr, x))).toEqual(["0,74", "1,5", "12"]);
    expect(ratioCell(en, cases[6]!)).toBe("0.74× (0.62×–0.88×)");
    expect(ratioCell(fr, cases[6]!)).toBe("0,74× (0,62×–0,88×)");
    expect(ratioCell(en, base)).toBe("—");
  });

  it("the caveat", () => {
    expect(caveat(en)).toMatch(/^These numbers describe how a source's figures relate .* correlation, not proof of intent: /);
    expect(caveat(fr)).toContain("pas une intention");
  });
});
