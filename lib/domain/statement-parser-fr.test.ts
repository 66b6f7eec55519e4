// French casualty statements, worded as government and army communiqués, AFP/RFI wires, local
// radio and NGO reports word them; plus mixed English/French pastes and language detection.
import { describe, it, expect } from "vitest";
import { detectLanguage, parseNumberWords, parseStatement, type ReasonCode } from "./statement-parser";
import { ENGLISH } from "./statement-parser/lexicon-en";
import { FRENCH } from "./statement-parser/lexicon-fr";
import type { Category, Metric, Qualifier } from "./vocabularies";

type Expected = {
  metric: Metric;
  category: Category;
  subgroup: string | null;
  valueMin: number;
  valueMax: number | null;
  qualifier: Qualifier;
};

function fig(
  metric: Metric,
  category: Category,
  subgroup: string | null,
  valueMin: number,
  valueMax: number | null,
  qualifier: Qualifier,
): Expected {
  return { metric, category, subgroup, valueMin, valueMax, qualifier };
}

/** The statement parses cleanly into exactly these figures, in text order, with nothing left unresolved. */
function expectFigures(statement: string, expected: Expected[]): void {
  const result = parseStatement(statement);
  expect(result.figures).toMatchObject(expected);
  expect(result.figures).toHaveLength(expected.length);
  expect(result.unresolved).toEqual([]);
}

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const THIN = "\u2009";

describe("French numbers (parseNumberWords)", () => {
  it.each<[string, number | null]>([
    ["vingt", 20],
    ["vingt et un", 21],
    ["vingt-et-un", 21],
    ["trente-deux", 32],
    ["soixante-dix", 70],
    ["soixante et onze", 71],
    ["soixante-dix-sept", 77],
    ["quatre-vingts", 80],
    ["quatre-vingt-un", 81],
    ["quatre-vingt-dix", 90],
    ["quatre-vingt-dix-neuf", 99],
    ["septante-cinq", 75],
    ["nonante", 90],
    ["cent", 100],
    ["cent vingt", 120],
    ["deux cents", 200],
    ["deux cent cinquante", 250],
    ["deux-cent-vingt-et-un", 221],
    ["mille", 1000],
    ["mille deux cents", 1200],
    ["trois mille cinq cents", 3500],
    ["deux millions", 2_000_000],
    [`1${NBSP}200`, 1200],
    [`1${NNBSP}200`, 1200],
    [`12${THIN}500`, 12500],
    ["1.200", 1200],
    ["1 200", 1200],
    ["une vingtaine", 20],
    ["un millier", 1000],
    ["vingt-foo", null],
    ["des dizaines", null],
  ])("%j → %j", (text, value) => {
    expect(parseNumberWords(text, FRENCH)).toBe(value);
  });
});

describe("French: numbers in figures", () => {
  it.each<[string, Expected[]]>([
    ["Le gouvernement a annoncé 8 morts.", [fig("killed", "unspecified", null, 8, 8, "exact")]],
    ["Quatre-vingt-dix civils ont été tués.", [fig("killed", "civilians", null, 90, 90, "exact")]],
    ["Soixante-dix soldats ont été tués dans l'embuscade.", [fig("killed", "security_forces", null, 70, 70, "exact")]],
    ["Vingt et un militaires maliens ont été tués.", [fig("killed", "security_forces", null, 21, 21, "exact")]],
    ["Soixante-et-onze personnes ont péri dans le naufrage.", [fig("killed", "unspecified", null, 71, 71, "exact")]],
    ["Quatre-vingt-quinze villageois ont été massacrés.", [fig("killed", "civilians", null, 95, 95, "exact")]],
    ["Deux cent vingt-cinq personnes ont été tuées.", [fig("killed", "unspecified", null, 225, 225, "exact")]],
    ["Mille deux cents personnes ont été blessées.", [fig("injured", "unspecified", null, 1200, 1200, "exact")]],
    [`1${NBSP}200 personnes ont été tuées.`, [fig("killed", "unspecified", null, 1200, 1200, "exact")]],
    [`Plus de 1${NNBSP}500 civils ont été tués depuis janvier.`, [fig("killed", "civilians", null, 1501, null, "more_than")]],
    ["1.200 personnes ont été tuées.", [fig("killed", "unspecified", null, 1200, 1200, "exact")]],
    ["1 200 civils ont trouvé la mort.", [fig("killed", "civilians", null, 1200, 1200, "exact")]],
    ["Cent civils ont été tués.", [fig("killed", "civilians", null, 100, 100, "exact")]],
    ["Dix-huit civils ont été tués par balle.", [fig("killed", "civilians", null, 18, 18, "exact")]],
    ["Un soldat a été tué.", [fig("killed", "security_forces", null, 1, 1, "exact")]],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("French: approximate counts", () => {
  it.each<[string, Expected[]]>([
    ["Une vingtaine de civils ont été tués.", [fig("killed", "civilians", null, 20, 20, "approximately")]],
    ["Une trentaine de passagers ont été enlevés.", [fig("abducted", "civilians", null, 30, 30, "approximately")]],
    ["Une centaine de femmes et d'enfants ont été kidnappés.", [fig("abducted", "civilians", null, 100, 100, "approximately")]],
    ["Une quinzaine de soldats ont été blessés.", [fig("injured", "security_forces", null, 15, 15, "approximately")]],
    ["Une dizaine de dozos ont été tués.", [fig("killed", "security_forces", null, 10, 10, "approximately")]],
    ["Un millier de personnes ont été blessées.", [fig("injured", "unspecified", null, 1000, 1000, "approximately")]],
    ["Des dizaines de villageois ont été massacrés.", [fig("killed", "civilians", null, 10, null, "vague")]],
    ["Des centaines de personnes ont été tuées.", [fig("killed", "unspecified", null, 100, null, "vague")]],
    ["Plusieurs dizaines de soldats ont perdu la vie.", [fig("killed", "security_forces", null, 10, null, "vague")]],
    ["Environ 30 personnes ont péri.", [fig("killed", "unspecified", null, 30, 30, "approximately")]],
    ["Près de 50 soldats ont trouvé la mort.", [fig("killed", "security_forces", null, 50, 50, "approximately")]],
    ["Quelque 200 habitants ont été tués.", [fig("killed", "civilians", null, 200, 200, "approximately")]],
    ["Près d'une centaine de civils ont été tués.", [fig("killed", "civilians", null, 100, 100, "approximately")]],
    ["Une trentaine de civils auraient été tués, selon des sources locales.", [fig("killed", "civilians", null, 30, 30, "approximately")]],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("French: bounds", () => {
  it.each<[string, Expected[]]>([
    ["Au moins 20 personnes ont été tuées dans l'attaque.", [fig("killed", "unspecified", null, 20, null, "at_least")]],
    ["Au minimum 12 gendarmes ont été tués.", [fig("killed", "security_forces", null, 12, null, "at_least")]],
    ["Pas moins de 45 orpailleurs ont été tués.", [fig("killed", "civilians", null, 45, null, "at_least")]],
    ["Plus de 100 civils ont été tués.", [fig("killed", "civilians", null, 101, null, "more_than")]],
    ["Au-delà de 60 personnes sont mortes.", [fig("killed", "unspecified", null, 61, null, "more_than")]],
    ["Plus d'une vingtaine de civils ont été tués.", [fig("killed", "civilians", null, 21, null, "more_than")]],
    ["Au moins une trentaine de soldats ont été tués.", [fig("killed", "security_forces", null, 30, null, "at_least")]],
    ["Jusqu'à 40 personnes auraient été tuées.", [fig("killed", "unspecified", null, 0, 40, "at_most")]],
    ["Moins de 10 personnes ont été blessées.", [fig("injured", "unspecified", null, 0, 9, "at_most")]],
    ["Au plus 15 soldats ont été blessés.", [fig("injured", "security_forces", null, 0, 15, "at_most")]],
    ["Entre 25 et 30 civils ont été tués.", [fig("killed", "civilians", null, 25, 30, "range")]],
    ["De 10 à 15 soldats ont été blessés.", [fig("injured", "security_forces", null, 10, 15, "range")]],
    ["Deux ou trois soldats ont été tués.", [fig("killed", "security_forces", null, 2, 3, "range")]],
    ["L'attaque a tué entre 40 et 50 villageois.", [fig("killed", "civilians", null, 40, 50, "range")]],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("French: killing, wounding, disappearance, abduction", () => {
  it.each<[string, Expected[]]>([
    ["L'attaque a coûté la vie à 17 soldats.", [fig("killed", "security_forces", null, 17, 17, "exact")]],
    ["Des hommes armés ont tué 12 commerçants.", [fig("killed", "civilians", null, 12, 12, "exact")]],
    ["Les assaillants ont abattu 6 fidèles dans une mosquée.", [fig("killed", "civilians", null, 6, 6, "exact")]],
    ["Les jihadistes ont exécuté 9 villageois.", [fig("killed", "civilians", null, 9, 9, "exact")]],
    ["Sept personnes ont été égorgées.", [fig("killed", "unspecified", null, 7, 7, "exact")]],
    ["Au moins 5 gendarmes sont tombés au combat.", [fig("killed", "security_forces", null, 5, null, "at_least")]],
    ["Douze soldats ont succombé à leurs blessures.", [fig("killed", "security_forces", null, 12, 12, "exact")]],
    ["Les corps sans vie de 9 villageois ont été retrouvés.", [fig("killed", "civilians", null, 9, 9, "exact")]],
    ["19 corps de terroristes ont été retrouvés après les combats.", [fig("killed", "attackers", null, 19, 19, "exact")]],
    ["Treize passagers ont été brûlés vifs dans le car.", [fig("killed", "civilians", null, 13, 13, "exact")]],
    ["Trois policiers ont été assassinés.", [fig("killed", "security_forces", null, 3, 3, "exact")]],
    ["Deux enfants ont perdu la vie.", [fig("killed", "civilians", null, 2, 2, "exact")]],
    ["La mort de 25 civils a été confirmée.", [fig("killed", "civilians", null, 25, 25, "exact")]],
    ["Cinq soldats ont été grièvement blessés.", [fig("injured", "security_forces", null, 5, 5, "exact")]],
    [
      "Selon RFI, au moins 20 soldats maliens ont été tués ou blessés.",
      [fig("killed_or_injured", "security_forces", null, 20, null, "at_least")],
    ],
    ["15 personnes sont portées disparues.", [fig("missing", "unspecified", null, 15, 15, "exact")]],
    ["Onze soldats sont toujours portés disparus.", [fig("missing", "security_forces", null, 11, 11, "exact")]],
    ["Des individus armés ont enlevé 8 personnes.", [fig("abducted", "unspecified", null, 8, 8, "exact")]],
    ["Une vingtaine de femmes ont été kidnappées.", [fig("abducted", "civilians", null, 20, 20, "approximately")]],
    ["Quatre humanitaires ont été pris en otage.", [fig("abducted", "civilians", null, 4, 4, "exact")]],
    ["Les ravisseurs ont revendiqué l'enlèvement de 50 femmes.", [fig("abducted", "civilians", null, 50, 50, "exact")]],
    ["L'armée a éliminé 20 terroristes.", [fig("killed", "attackers", null, 20, 20, "exact")]],
    ["Trois soldats sont tombés au champ d'honneur.", [fig("killed", "security_forces", null, 3, 3, "exact")]],
    ["Les jihadistes ont exécuté sommairement 9 villageois.", [fig("killed", "civilians", null, 9, 9, "exact")]],
    ["Le nombre de morts est passé à 60.", [fig("killed", "unspecified", null, 60, 60, "exact")]],
    ["L'attaque a fait au moins 30 morts parmi les civils, selon RFI.", [fig("killed", "civilians", null, 30, null, "at_least")]],
    [
      "Près de 2 000 personnes ont été blessées depuis le début de l'année.",
      [fig("injured", "unspecified", null, 2000, 2000, "approximately")],
    ],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("French: who was counted", () => {
  it.each<[string, Expected[]]>([
    ["12 éléments des FDS ont été tués.", [fig("killed", "security_forces", null, 12, 12, "exact")]],
    ["Vingt-deux chasseurs traditionnels ont été tués.", [fig("killed", "security_forces", null, 22, 22, "exact")]],
    ["Neuf membres des forces de défense et de sécurité ont été tués.", [fig("killed", "security_forces", null, 9, 9, "exact")]],
    ["Trois volontaires pour la défense de la patrie ont été tués.", [fig("killed", "security_forces", null, 3, 3, "exact")]],
    ["Six casques bleus ont été tués.", [fig("killed", "security_forces", null, 6, 6, "exact")]],
    ["Quatorze FAMa ont été tués à Boulkessi.", [fig("killed", "security_forces", null, 14, 14, "exact")]],
    ["Dix assaillants ont été tués.", [fig("killed", "attackers", null, 10, 10, "exact")]],
    ["11 hommes armés ont été tués.", [fig("killed", "attackers", null, 11, 11, "exact")]],
    ["Des militaires ont tué 15 jihadistes.", [fig("killed", "attackers", null, 15, 15, "exact")]],
    ["7 orpailleurs ont été tués sur un site aurifère.", [fig("killed", "civilians", null, 7, 7, "exact")]],
    [
      "Trois élèves et deux enseignants ont été tués.",
      [fig("killed", "civilians", null, 3, 3, "exact"), fig("killed", "civilians", null, 2, 2, "exact")],
    ],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("French: several figures and breakdowns", () => {
  it.each<[string, Expected[]]>([
    [
      "L'attaque a fait 12 morts et 30 blessés.",
      [fig("killed", "unspecified", null, 12, 12, "exact"), fig("injured", "unspecified", null, 30, 30, "exact")],
    ],
    [
      "Le bilan fait état de 4 morts et 11 blessés graves.",
      [fig("killed", "unspecified", null, 4, 4, "exact"), fig("injured", "unspecified", null, 11, 11, "exact")],
    ],
    [
      "L'explosion a tué 3 soldats et blessé 5 autres.",
      [fig("killed", "security_forces", null, 3, 3, "exact"), fig("injured", "security_forces", null, 5, 5, "exact")],
    ],
    [
      "Sept VDP ont été tués et quatre blessés.",
      [fig("killed", "security_forces", null, 7, 7, "exact"), fig("injured", "security_forces", null, 4, 4, "exact")],
    ],
    [
      "Le bilan provisoire est de 34 morts, dont 20 civils et 5 militaires.",
      [
        fig("killed", "unspecified", null, 34, 34, "exact"),
        fig("killed", "civilians", null, 20, 20, "exact"),
        fig("killed", "security_forces", null, 5, 5, "exact"),
      ],
    ],
    [
      "34 civils, dont 13 Maliens et 21 étrangers, ont été tués.",
      [
        fig("killed", "civilians", null, 34, 34, "exact"),
        fig("killed", "civilians", "Malian", 13, 13, "exact"),
        fig("killed", "civilians", "foreign", 21, 21, "exact"),
      ],
    ],
    [
      "Parmi les morts figurent 13 ressortissants maliens et 21 étrangers.",
      [fig("killed", "unspecified", "Malian", 13, 13, "exact"), fig("killed", "unspecified", "foreign", 21, 21, "exact")],
    ],
    [
      "Au moins 40 personnes ont été tuées, dont 12 enfants.",
      [fig("killed", "unspecified", null, 40, null, "at_least"), fig("killed", "civilians", "children", 12, 12, "exact")],
    ],
    [
      "Quatorze personnes ont été enlevées et une autre tuée.",
      [fig("abducted", "unspecified", null, 14, 14, "exact"), fig("killed", "unspecified", null, 1, 1, "exact")],
    ],
    [
      "Quinze soldats nigériens ont été tués et sept autres blessés dans une embuscade.",
      [fig("killed", "security_forces", null, 15, 15, "exact"), fig("injured", "security_forces", null, 7, 7, "exact")],
    ],
    [
      "Le gouvernement fait état de 25 civils tués et de 13 autres blessés.",
      [fig("killed", "civilians", null, 25, 25, "exact"), fig("injured", "civilians", null, 13, 13, "exact")],
    ],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("French: dates, ordinals and times are not counts", () => {
  it.each<[string, Expected[]]>([
    ["Le 7 février 2025, 12 soldats ont été tués.", [fig("killed", "security_forces", null, 12, 12, "exact")]],
    ["Les 8 et 9 février, au moins 30 personnes ont été tuées.", [fig("killed", "unspecified", null, 30, null, "at_least")]],
    ["En 2024, 5 civils ont été tués.", [fig("killed", "civilians", null, 5, 5, "exact")]],
    ["Le 1er mars, 4 soldats ont été tués.", [fig("killed", "security_forces", null, 4, 4, "exact")]],
    ["Vers 10h, 6 personnes ont été blessées.", [fig("injured", "unspecified", null, 6, 6, "exact")]],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("French: refusals with a reason code", () => {
  it.each<[string, string, ReasonCode]>([
    ["12 combattants ont été tués.", "12 combattants ont été tués", "side_unknown"],
    ["Plusieurs personnes ont été tuées.", "Plusieurs personnes ont été tuées", "vague_quantity"],
    ["De nombreux civils ont été tués.", "De nombreux civils ont été tués", "vague_quantity"],
    ["Des milliers de personnes ont été tuées.", "Des milliers de personnes ont été tuées", "vague_quantity"],
    ["Un nombre similaire d'assaillants ont été tués.", "Un nombre similaire d'assaillants ont été tués", "relative_figure"],
    ["34 victimes.", "34 victimes", "no_metric"],
    ["L'attaque du 7 février a fait 34 victimes civiles.", "34 victimes civiles", "no_metric"],
    ["12 soldats et civils ont été tués.", "12 soldats et civils ont été tués", "mixed_categories"],
    ["L'armée a neutralisé 30 terroristes.", "neutralisé 30 terroristes", "neutralized"],
    ["30 terroristes neutralisés.", "30 terroristes neutralisés", "neutralized"],
    [
      "Une quarantaine de terroristes ont été mis hors d'état de nuire.",
      "Une quarantaine de terroristes ont été mis hors d'état de nuire",
      "neutralized",
    ],
    ["Des centaines de personnes ont été déplacées.", "Des centaines de personnes ont été déplacées", "outside_vocabulary"],
    [`Plus de 5${NBSP}000 personnes déplacées.`, `Plus de 5${NBSP}000 personnes déplacées`, "outside_vocabulary"],
    ["Les terroristes ont capturé 10 soldats.", "capturé 10 soldats", "outside_vocabulary"],
    ["34 morts et blessés.", "34 morts et blessés", "killed_and_injured"],
    ["20 civils ont été tués et blessés.", "20 civils ont été tués et blessés", "killed_and_injured"],
    ["L'explosion a tué 12 zébus.", "tué 12 zébus", "unknown_noun"],
    ["Le même nombre a été blessé.", "Le même nombre a été blessé", "same_number_missing"],
    ["Le convoi comptait 19 véhicules.", "Le convoi comptait 19 véhicules.", "no_figure"],
  ])("%s", (statement, text, reasonCode) => {
    const result = parseStatement(statement);
    expect(result.figures).toEqual([]);
    expect(result.unresolved).toMatchObject([{ text, reasonCode }]);
    expect(result.unresolved[0]!.reason.length).toBeGreaterThan(0);
  });

  it("keeps the figure it can read and refuses the one it cannot", () => {
    const result = parseStatement("L'armée a perdu 3 soldats et neutralisé une vingtaine de terroristes.");
    expect(result.figures).toMatchObject([fig("killed", "security_forces", null, 3, 3, "exact")]);
    expect(result.unresolved).toMatchObject([{ reasonCode: "neutralized", values: { words: "neutralisé" } }]);
  });
});

describe("mixed English and French pastes", () => {
  it("reads each sentence in its own language", () => {
    expectFigures("At least 30 people were killed. Le gouvernement a annoncé 25 morts civils et 13 blessés.", [
      fig("killed", "unspecified", null, 30, null, "at_least"),
      fig("killed", "civilians", null, 25, 25, "exact"),
      fig("injured", "civilians", null, 13, 13, "exact"),
    ]);
  });

  it("switches language at a line break", () => {
    expectFigures("RFI : au moins 20 soldats maliens ont été tués\nHRW said 34 civilians were killed and 34 others injured", [
      fig("killed", "security_forces", null, 20, null, "at_least"),
      fig("killed", "civilians", null, 34, 34, "exact"),
      fig("injured", "civilians", null, 34, 34, "exact"),
    ]);
  });

  it("switches language at a quotation", () => {
    expectFigures("The army said « 19 terroristes ont été tués » while HRW reported that 34 civilians were killed.", [
      fig("killed", "attackers", null, 19, 19, "exact"),
      fig("killed", "civilians", null, 34, 34, "exact"),
    ]);
  });

  it("does not let an English figure borrow French words or the reverse", () => {
    // "morts" is only a French word: an English clause around it still reads "dead".
    expectFigures("Le bilan officiel est de 12 morts. Local sources said 20 people were killed.", [
      fig("killed", "unspecified", null, 12, 12, "exact"),
      fig("killed", "unspecified", null, 20, 20, "exact"),
    ]);
  });
});

describe("language detection", () => {
  it.each<[string, "en" | "fr"]>([
    ["Le gouvernement a annoncé 8 morts", "fr"],
    ["Au moins 20 personnes ont été tuées", "fr"],
    ["Une vingtaine de civils tués", "fr"],
    ["At least 30 people were killed", "en"],
    ["Human Rights Watch said 12 people were killed in Ségou", "en"],
    ["Gunmen killed 12 traders", "en"],
    ["", "en"],
    ["34", "en"],
  ])("%j → %s", (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it("a French communiqué with no English marker is read with the French lexicon only", () => {
    // With the English lexicon "tués" means nothing: the figure exists only if French was detected.
    expect(parseStatement("8 soldats tués").figures).toMatchObject([fig("killed", "security_forces", null, 8, 8, "exact")]);
    expect(parseStatement("8 soldats tués", ENGLISH).figures).toEqual([]);
  });
});
