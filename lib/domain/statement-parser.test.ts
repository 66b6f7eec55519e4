import { describe, it, expect } from "vitest";
import { parseNumberWords, parseStatement } from "./statement-parser";
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
  expect(result.unresolved).toEqual([]);
}

describe("parseNumberWords", () => {
  it.each<[string, number | null]>([
    ["34", 34],
    ["1,200", 1200],
    ["thirty-four", 34],
    ["Thirty-Four", 34],
    ["twenty one", 21],
    ["nineteen", 19],
    ["a hundred", 100],
    ["one hundred and twelve", 112],
    ["two dozen", 24],
    ["a dozen", 12],
    ["eleven hundred", 1100],
    ["two thousand five hundred", 2500],
    ["2 million", 2_000_000],
    ["zero", 0],
    ["dozens", null],
    ["hundreds", null],
    ["hundred", null],
    ["two three", null],
    ["one hundred and", null],
    ["several", null],
    ["2.5", null],
    ["", null],
  ])("%j → %j", (text, value) => {
    expect(parseNumberWords(text)).toBe(value);
  });
});

describe("Kobé seed examples", () => {
  it("at least 30 people were killed", () => {
    expectFigures("at least 30 people were killed", [fig("killed", "unspecified", null, 30, null, "at_least")]);
  });

  it("resolves 'the same number' to the previous figure of the same statement", () => {
    const result = parseStatement("killing 34 civilians and injuring the same number");
    expect(result.figures).toMatchObject([
      { ...fig("killed", "civilians", null, 34, 34, "exact"), text: "killing 34 civilians" },
      { ...fig("injured", "civilians", null, 34, 34, "exact"), text: "injuring the same number" },
    ]);
    expect(result.unresolved).toEqual([]);
  });

  it("a bare count after a figure inherits its category: 34 civilians killed and 34 injured", () => {
    expectFigures("34 civilians killed and 34 injured", [
      fig("killed", "civilians", null, 34, 34, "exact"),
      fig("injured", "civilians", null, 34, 34, "exact"),
    ]);
  });

  it("Among the deceased were 13 Malian nationals and 21 foreigners (no total, no category)", () => {
    expectFigures("Among the deceased were 13 Malian nationals and 21 foreigners", [
      fig("killed", "unspecified", "Malian", 13, 13, "exact"),
      fig("killed", "unspecified", "foreign", 21, 21, "exact"),
    ]);
  });

  it("HRW: a total with a nationality breakdown", () => {
    const result = parseStatement(
      "Human Rights Watch reported that 34 civilians, including 13 Malians and 21 foreigners, were killed in the attack.",
    );
    expect(result.figures).toMatchObject([
      { ...fig("killed", "civilians", null, 34, 34, "exact"), text: "34 civilians, including 13 Malians and 21 foreigners, were killed" },
      { ...fig("killed", "civilians", "Malian", 13, 13, "exact"), text: "13 Malians" },
      { ...fig("killed", "civilians", "foreign", 21, 21, "exact"), text: "21 foreigners" },
    ]);
    expect(result.unresolved).toEqual([]);
  });

  it("HRW: '34 others' on its own states no category", () => {
    expectFigures("34 others were injured per HRW, including 20 Malians and 14 foreigners, mostly from Niger.", [
      fig("injured", "unspecified", null, 34, 34, "exact"),
      fig("injured", "unspecified", "Malian", 20, 20, "exact"),
      fig("injured", "unspecified", "foreign", 14, 14, "exact"),
    ]);
  });

  it("Malian government: '13 others' takes the category of the previous figure", () => {
    expectFigures("causing the death of 25 civilians and injury of 13 others", [
      fig("killed", "civilians", null, 25, 25, "exact"),
      fig("injured", "civilians", null, 13, 13, "exact"),
    ]);
  });

  it("RFI: killed or injured is its own metric; a lone nationality is not a subgroup", () => {
    expectFigures("at least 20 Malian soldiers had been killed or injured in the attack", [
      fig("killed_or_injured", "security_forces", null, 20, null, "at_least"),
    ]);
  });

  it('"19 terrorist bodies" were found', () => {
    expectFigures('Malian officials also stated "19 terrorist bodies" were found in the aftermath of the attack.', [
      fig("killed", "attackers", null, 19, 19, "exact"),
    ]);
  });

  it("refuses 'a similar number of militants' but keeps the soldiers' figure", () => {
    const result = parseStatement("At least 20 Malian soldiers were killed or injured along with a similar number of militants");
    expect(result.figures).toMatchObject([fig("killed_or_injured", "security_forces", null, 20, null, "at_least")]);
    expect(result.unresolved).toEqual([
      {
        text: "a similar number of militants",
        reasonCode: "relative_figure",
        values: { words: "a similar number" },
        reason: '"a similar number" refers to another figure; enter it explicitly',
      },
    ]);
  });

  it("refuses '34 civilian deaths and injuries' as ambiguous", () => {
    const result = parseStatement("An Islamist group attacked a civilian convoy, resulting in 34 civilian deaths and injuries.");
    expect(result.figures).toEqual([]);
    expect(result.unresolved).toMatchObject([
      {
        text: "34 civilian deaths and injuries",
        reason: expect.stringContaining("does not say how many were killed and how many injured"),
      },
    ]);
  });

  it("vehicles are not casualties: The convoy consisted of 19 vehicles", () => {
    const result = parseStatement("The convoy consisted of 19 vehicles");
    expect(result.figures).toEqual([]);
    expect(result.unresolved).toEqual([
      { text: "The convoy consisted of 19 vehicles", reasonCode: "no_figure", values: {}, reason: "no casualty figure found" },
    ]);
  });

  it("more than a hundred civilians were killed", () => {
    expectFigures("more than a hundred civilians were killed", [fig("killed", "civilians", null, 101, null, "more_than")]);
  });
});

describe("intervals (rule 1)", () => {
  it.each<[string, Expected[]]>([
    ["34 people were killed", [fig("killed", "unspecified", null, 34, 34, "exact")]],
    ["1,200 people were killed", [fig("killed", "unspecified", null, 1200, 1200, "exact")]],
    ["at least 30 civilians were killed", [fig("killed", "civilians", null, 30, null, "at_least")]],
    ["no fewer than 30 civilians were killed", [fig("killed", "civilians", null, 30, null, "at_least")]],
    ["more than 100 people were killed", [fig("killed", "unspecified", null, 101, null, "more_than")]],
    ["over 100 people were killed", [fig("killed", "unspecified", null, 101, null, "more_than")]],
    ["up to 40 people were killed", [fig("killed", "unspecified", null, 0, 40, "at_most")]],
    ["at most 40 people died", [fig("killed", "unspecified", null, 0, 40, "at_most")]],
    ["as many as 40 civilians were killed", [fig("killed", "civilians", null, 0, 40, "at_most")]],
    ["fewer than 10 people were injured", [fig("injured", "unspecified", null, 0, 9, "at_most")]],
    ["between 25 and 30 people were killed", [fig("killed", "unspecified", null, 25, 30, "range")]],
    ["the attack killed between 25 and 30 civilians", [fig("killed", "civilians", null, 25, 30, "range")]],
    ["25 to 30 people were killed", [fig("killed", "unspecified", null, 25, 30, "range")]],
    ["25-30 people were killed", [fig("killed", "unspecified", null, 25, 30, "range")]],
    ["25–30 people were killed", [fig("killed", "unspecified", null, 25, 30, "range")]],
    ["two or three soldiers were killed", [fig("killed", "security_forces", null, 2, 3, "range")]],
    ["about 20 people were killed", [fig("killed", "unspecified", null, 20, 20, "approximately")]],
    ["around 20 villagers were killed", [fig("killed", "civilians", null, 20, 20, "approximately")]],
    ["approximately 20 people were wounded", [fig("injured", "unspecified", null, 20, 20, "approximately")]],
    ["nearly 20 people were killed", [fig("killed", "unspecified", null, 20, 20, "approximately")]],
    ["some 20 people were killed", [fig("killed", "unspecified", null, 20, 20, "approximately")]],
    ["a dozen people were killed", [fig("killed", "unspecified", null, 12, 12, "approximately")]],
    ["at least a dozen people were killed", [fig("killed", "unspecified", null, 12, null, "at_least")]],
    ["dozens of civilians were killed", [fig("killed", "civilians", null, 12, null, "vague")]],
    ["dozens were killed", [fig("killed", "unspecified", null, 12, null, "vague")]],
    ["several dozen soldiers were killed", [fig("killed", "security_forces", null, 12, null, "vague")]],
    ["tens of people were injured", [fig("injured", "unspecified", null, 10, null, "vague")]],
    ["hundreds of people were killed", [fig("killed", "unspecified", null, 100, null, "vague")]],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("numbers in words", () => {
  it.each<[string, Expected[]]>([
    ["Thirty-four civilians were killed", [fig("killed", "civilians", null, 34, 34, "exact")]],
    ["twenty one soldiers died", [fig("killed", "security_forces", null, 21, 21, "exact")]],
    ["one hundred and twelve people lost their lives", [fig("killed", "unspecified", null, 112, 112, "exact")]],
    ["a hundred people were killed", [fig("killed", "unspecified", null, 100, 100, "exact")]],
    ["Two dozen villagers were abducted", [fig("abducted", "civilians", null, 24, 24, "approximately")]],
    ["Five gendarmes were shot dead", [fig("killed", "security_forces", null, 5, 5, "exact")]],
    ["one of the soldiers was killed", [fig("killed", "security_forces", null, 1, 1, "exact")]],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("metrics", () => {
  it.each<[string, Expected[]]>([
    ["jihadists executed 9 villagers", [fig("killed", "civilians", null, 9, 9, "exact")]],
    ["the bodies of 12 people were found", [fig("killed", "unspecified", null, 12, 12, "exact")]],
    ["the death toll rose to 45", [fig("killed", "unspecified", null, 45, 45, "exact")]],
    ["12 civilian fatalities were recorded", [fig("killed", "civilians", null, 12, 12, "exact")]],
    ["40 villagers were massacred", [fig("killed", "civilians", null, 40, 40, "exact")]],
    ["6 miners were slain", [fig("killed", "civilians", null, 6, 6, "exact")]],
    ["3 traders were hurt", [fig("injured", "civilians", null, 3, 3, "exact")]],
    ["12 civilian casualties were reported", [fig("killed_or_injured", "civilians", null, 12, 12, "exact")]],
    ["20 soldiers were killed or wounded", [fig("killed_or_injured", "security_forces", null, 20, 20, "exact")]],
    ["12 people were reported missing", [fig("missing", "unspecified", null, 12, 12, "exact")]],
    ["5 people are still missing", [fig("missing", "unspecified", null, 5, 5, "exact")]],
    ["Gunmen kidnapped 12 passengers", [fig("abducted", "civilians", null, 12, 12, "exact")]],
    ["insurgents abducted 40 students", [fig("abducted", "civilians", null, 40, 40, "exact")]],
    ["7 people were taken hostage", [fig("abducted", "unspecified", null, 7, 7, "exact")]],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("categories", () => {
  it.each<[string, Expected[]]>([
    ["5 residents were killed", [fig("killed", "civilians", null, 5, 5, "exact")]],
    ["a dozen police officers were wounded", [fig("injured", "security_forces", null, 12, 12, "approximately")]],
    ["five members of the security forces were killed", [fig("killed", "security_forces", null, 5, 5, "exact")]],
    ["8 pro-government militiamen were killed", [fig("killed", "security_forces", null, 8, 8, "exact")]],
    ["The army said it killed 19 jihadists", [fig("killed", "attackers", null, 19, 19, "exact")]],
    ["15 jihadist fighters were killed", [fig("killed", "attackers", null, 15, 15, "exact")]],
    ["4 assailants died in the exchange of fire", [fig("killed", "attackers", null, 4, 4, "exact")]],
    ["killing 3 armed men", [fig("killed", "attackers", null, 3, 3, "exact")]],
    ["7 persons were injured", [fig("injured", "unspecified", null, 7, 7, "exact")]],
    ["killing 34", [fig("killed", "unspecified", null, 34, 34, "exact")]],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("several figures in one statement", () => {
  it.each<[string, Expected[]]>([
    [
      "killing 34 and injuring 20",
      [fig("killed", "unspecified", null, 34, 34, "exact"), fig("injured", "unspecified", null, 20, 20, "exact")],
    ],
    [
      "the attack left 34 dead and 20 wounded",
      [fig("killed", "unspecified", null, 34, 34, "exact"), fig("injured", "unspecified", null, 20, 20, "exact")],
    ],
    [
      "34 civilians and 20 soldiers were killed",
      [fig("killed", "civilians", null, 34, 34, "exact"), fig("killed", "security_forces", null, 20, 20, "exact")],
    ],
    [
      "killing 34 civilians and 20 soldiers",
      [fig("killed", "civilians", null, 34, 34, "exact"), fig("killed", "security_forces", null, 20, 20, "exact")],
    ],
    [
      "a suicide bomber killed 7 worshippers and wounded 15 others",
      [fig("killed", "civilians", null, 7, 7, "exact"), fig("injured", "civilians", null, 15, 15, "exact")],
    ],
    [
      "Malian officials said 19 terrorist bodies were found and 3 soldiers died",
      [fig("killed", "attackers", null, 19, 19, "exact"), fig("killed", "security_forces", null, 3, 3, "exact")],
    ],
    [
      // A comma does not carry a predicate back: the convoy's passengers are not casualties.
      "The convoy carried 100 people, 20 soldiers were killed",
      [fig("killed", "security_forces", null, 20, 20, "exact")],
    ],
    [
      "killing 34 civilians and wounding as many",
      [fig("killed", "civilians", null, 34, 34, "exact"), fig("injured", "civilians", null, 34, 34, "exact")],
    ],
    [
      // "the same number" after a breakdown refers to the total, not to its last part.
      "34 civilians, including 13 Malians and 21 foreigners, were killed, and the same number were injured",
      [
        fig("killed", "civilians", null, 34, 34, "exact"),
        fig("killed", "civilians", "Malian", 13, 13, "exact"),
        fig("killed", "civilians", "foreign", 21, 21, "exact"),
        fig("injured", "civilians", null, 34, 34, "exact"),
      ],
    ],
    [
      "At least 5 civilians were killed. 3 were injured.",
      [fig("killed", "civilians", null, 5, null, "at_least"), fig("injured", "civilians", null, 3, 3, "exact")],
    ],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("breakdowns", () => {
  it.each<[string, Expected[]]>([
    [
      "13 Malian nationals and 21 foreigners were killed",
      [fig("killed", "unspecified", "Malian", 13, 13, "exact"), fig("killed", "unspecified", "foreign", 21, 21, "exact")],
    ],
    [
      "20 Malian and 5 Russian soldiers were killed",
      [fig("killed", "security_forces", "Malian", 20, 20, "exact"), fig("killed", "security_forces", "Russian", 5, 5, "exact")],
    ],
    [
      "killed 7 people, including 3 Nigeriens",
      [fig("killed", "unspecified", null, 7, 7, "exact"), fig("killed", "unspecified", "Nigerien", 3, 3, "exact")],
    ],
    [
      "34 people, including 10 children, were killed",
      [fig("killed", "unspecified", null, 34, 34, "exact"), fig("killed", "civilians", "children", 10, 10, "exact")],
    ],
    [
      "At least 5 civilians were killed, among them 2 children.",
      [fig("killed", "civilians", null, 5, null, "at_least"), fig("killed", "civilians", "children", 2, 2, "exact")],
    ],
    [
      // A breakdown by metric is a figure of its own, not a subgroup.
      "34 casualties, including 20 dead",
      [fig("killed_or_injured", "unspecified", null, 34, 34, "exact"), fig("killed", "unspecified", null, 20, 20, "exact")],
    ],
    [
      "34 people were killed, including 13 Malians and the same number of foreigners",
      [
        fig("killed", "unspecified", null, 34, 34, "exact"),
        fig("killed", "unspecified", "Malian", 13, 13, "exact"),
        fig("killed", "unspecified", "foreign", 13, 13, "exact"),
      ],
    ],
    ["10 women and children were killed", [fig("killed", "civilians", null, 10, 10, "exact")]],
    ["12 of the 34 passengers were killed", [fig("killed", "civilians", null, 12, 12, "exact")]],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("refusals", () => {
  it.each<[string, string, string, Expected[]]>([
    [
      "10 soldiers died along with a similar number of attackers",
      "a similar number of attackers",
      '"a similar number" refers to another figure',
      [fig("killed", "security_forces", null, 10, 10, "exact")],
    ],
    [
      "5 soldiers were killed and twice as many were injured",
      "twice as many were injured",
      '"twice as many" refers to another figure',
      [fig("killed", "security_forces", null, 5, 5, "exact")],
    ],
  ])("%s", (statement, text, reason, figures) => {
    const result = parseStatement(statement);
    expect(result.figures).toMatchObject(figures);
    expect(result.unresolved).toMatchObject([{ text, reason: expect.stringContaining(reason) }]);
  });

  it.each<[string, string, string]>([
    [
      "12 soldiers and civilians were killed",
      "12 soldiers and civilians were killed",
      '"soldiers and civilians" counts several categories together',
    ],
    [
      "34 civilians were killed and injured",
      "34 civilians were killed and injured",
      '"killed and injured" does not say how many were killed and how many injured',
    ],
    [
      "the attack killed and injured 34 people",
      "killed and injured 34 people",
      '"killed and injured" does not say how many were killed and how many injured',
    ],
    ["several people were killed", "several people were killed", '"several" has no agreed numeric value'],
    ["a few soldiers were wounded", "a few soldiers were wounded", '"a few" has no agreed numeric value'],
    ["thousands of civilians were killed", "thousands of civilians were killed", '"thousands" has no agreed numeric value'],
    ["many injured individuals were taken to Gao", "many injured individuals", '"many" has no agreed numeric value'],
    ["With a significant number of casualties", "a significant number of casualties", '"a significant number" has no agreed numeric value'],
    ["15 fighters were killed", "15 fighters were killed", '"fighters" does not say which side'],
    ["The blast killed 12 donkeys", "killed 12 donkeys", 'could not tell whether "donkeys" are people'],
    ["the raid neutralized 30 terrorists", "neutralized 30 terrorists", '"neutralized" may mean killed or captured'],
    ["34 victims", "34 victims", "does not say whether they were killed, injured or missing"],
    ["the same number were injured", "the same number were injured", '"the same number" refers to a figure not given in this statement'],
  ])("%s", (statement, text, reason) => {
    const result = parseStatement(statement);
    expect(result.figures).toEqual([]);
    expect(result.unresolved).toMatchObject([{ text, reason: expect.stringContaining(reason) }]);
  });
});

describe("numbers that are not casualty figures", () => {
  it.each<[string]>([
    ["The convoy consisted of 19 vehicles"],
    ["3 vehicles were hit"],
    ["The convoy contained 22 minibuses, six large buses, and eight trucks escorted by ten military vehicles."],
    ["The convoy, carrying over 100 people—mainly miners from Niger—was traveling from Gao to Ansongo."],
    ["On February 7, 2025, an armed group attacked a convoy."],
    ["Since 2012, Mali has faced significant upheaval."],
    ["children under 5 were killed"],
    ["a 25-year-old man was killed"],
    ["40% of the villagers were killed"],
    ["No one was killed"],
  ])("%s", (statement) => {
    const result = parseStatement(statement);
    expect(result.figures).toEqual([]);
    expect(result.unresolved).toEqual([{ text: statement, reasonCode: "no_figure", values: {}, reason: "no casualty figure found" }]);
  });

  it.each<[string, Expected[]]>([
    ["On February 7, 2025, 12 soldiers were killed", [fig("killed", "security_forces", null, 12, 12, "exact")]],
    ["On 7 February 2025 militants killed 3 soldiers", [fig("killed", "security_forces", null, 3, 3, "exact")]],
    ["In 2024, 5 civilians were killed", [fig("killed", "civilians", null, 5, 5, "exact")]],
    ["In May 20 people were killed", [fig("killed", "unspecified", null, 20, 20, "exact")]],
    [
      "On February 8 and 9, AFP and RFI reported that at least 30 people were killed in the attack.[5][6]",
      [fig("killed", "unspecified", null, 30, null, "at_least")],
    ],
    ["3 vehicles were destroyed and 5 soldiers were killed", [fig("killed", "security_forces", null, 5, 5, "exact")]],
    ["the death of 2000 civilians", [fig("killed", "civilians", null, 2000, 2000, "exact")]],
  ])("keeps only the casualty figure in: %s", (statement, expected) => {
    expectFigures(statement, expected);
  });
});

describe("whole seed texts", () => {
  it("Wikipedia, Aftermath section", () => {
    const text =
      "The Malian government released a statement on February 8 stating only three vehicles were hit, causing the death of 25 civilians and injury of 13 others.[4][5] " +
      'Malian officials also stated "19 terrorist bodies" were found in the aftermath of the attack.[4] ' +
      "On February 8 and 9, AFP and RFI reported that at least 30 people were killed in the attack.[5][6] " +
      "On February 24, RFI reported that at least 20 Malian soldiers had been killed or injured in the attack.[5] " +
      "Human Rights Watch reported that 34 civilians, including 13 Malians and 21 foreigners, were killed in the attack.[4] " +
      "34 others were injured per HRW, including 20 Malians and 14 foreigners, mostly from Niger.[4]";
    expectFigures(text, [
      fig("killed", "civilians", null, 25, 25, "exact"),
      fig("injured", "civilians", null, 13, 13, "exact"),
      fig("killed", "attackers", null, 19, 19, "exact"),
      fig("killed", "unspecified", null, 30, null, "at_least"),
      fig("killed_or_injured", "security_forces", null, 20, null, "at_least"),
      fig("killed", "civilians", null, 34, 34, "exact"),
      fig("killed", "civilians", "Malian", 13, 13, "exact"),
      fig("killed", "civilians", "foreign", 21, 21, "exact"),
      // In context "34 others" follows "34 civilians" and so takes its category.
      fig("injured", "civilians", null, 34, 34, "exact"),
      fig("injured", "civilians", "Malian", 20, 20, "exact"),
      fig("injured", "civilians", "foreign", 14, 14, "exact"),
    ]);
  });

  it("Mirage News summary", () => {
    const text =
      "An Islamist group attacked a civilian convoy in Mali on February 7, 2025, resulting in 34 civilian deaths and injuries. " +
      "On February 7, 2025, an alleged Islamist armed group attacked a civilian convoy in northeastern Mali, killing 34 civilians and injuring the same number, as reported by Human Rights Watch. " +
      "The convoy consisted of 19 vehicles, protected by Malian armed forces and allied militias. " +
      "Among the deceased were 13 Malian nationals and 21 foreigners, with many injured individuals hailing from Niger.";
    const result = parseStatement(text);
    expect(result.figures).toMatchObject([
      fig("killed", "civilians", null, 34, 34, "exact"),
      fig("injured", "civilians", null, 34, 34, "exact"),
      fig("killed", "unspecified", "Malian", 13, 13, "exact"),
      fig("killed", "unspecified", "foreign", 21, 21, "exact"),
    ]);
    expect(result.unresolved).toMatchObject([{ text: "34 civilian deaths and injuries" }, { text: "many injured individuals" }]);
  });
});

describe("English wording added with the French lexicon", () => {
  it.each<[string, Expected[]]>([
    // The perpetrator as subject: what gunmen kill are people, even under a noun the lexicon lacks.
    ["Gunmen killed 12 okada riders", [fig("killed", "unspecified", null, 12, 12, "exact")]],
    ["Armed men abducted 9 almajiri", [fig("abducted", "unspecified", null, 9, 9, "exact")]],
    ["Gunmen killed 12 Fulani herders", [fig("killed", "civilians", null, 12, 12, "exact")]],
    ["Jihadists killed 14 bus drivers", [fig("killed", "civilians", null, 14, 14, "exact")]],
    ["Bandits killed 9 Dogon", [fig("killed", "unspecified", null, 9, 9, "exact")]],
    // A count before a verb with its own count is the subject, not a victim.
    ["3 gunmen killed 12 soldiers", [fig("killed", "security_forces", null, 12, 12, "exact")]],
    // Modal verbs.
    ["12 soldiers may have been killed", [fig("killed", "security_forces", null, 12, 12, "exact")]],
    ["20 villagers are feared dead", [fig("killed", "civilians", null, 20, 20, "exact")]],
    ["5 hostages are believed to have died", [fig("killed", "unspecified", null, 5, 5, "exact")]],
    ["as many as 40 people might have been killed", [fig("killed", "unspecified", null, 0, 40, "at_most")]],
    ["At least 8 miners are feared killed", [fig("killed", "civilians", null, 8, null, "at_least")]],
    ["3 peacekeepers could have been wounded", [fig("injured", "security_forces", null, 3, 3, "exact")]],
    // The military's words for killing.
    ["The army eliminated 30 terrorists", [fig("killed", "attackers", null, 30, 30, "exact")]],
    ["Troops took out 12 militants", [fig("killed", "attackers", null, 12, 12, "exact")]],
    ["The army lost 12 soldiers in the ambush", [fig("killed", "security_forces", null, 12, 12, "exact")]],
    ["15 insurgents were liquidated", [fig("killed", "attackers", null, 15, 15, "exact")]],
    // A second figure whose verb is elided.
    [
      "killed 12 soldiers and 3 civilians",
      [fig("killed", "security_forces", null, 12, 12, "exact"), fig("killed", "civilians", null, 3, 3, "exact")],
    ],
    ["12 killed, 5 wounded", [fig("killed", "unspecified", null, 12, 12, "exact"), fig("injured", "unspecified", null, 5, 5, "exact")]],
    [
      "12 soldiers were killed and 5 injured",
      [fig("killed", "security_forces", null, 12, 12, "exact"), fig("injured", "security_forces", null, 5, 5, "exact")],
    ],
    [
      "Gunmen killed 7 traders and wounded 4",
      [fig("killed", "civilians", null, 7, 7, "exact"), fig("injured", "civilians", null, 4, 4, "exact")],
    ],
    [
      "the attack killed 12 soldiers, 3 civilians and 2 attackers",
      [
        fig("killed", "security_forces", null, 12, 12, "exact"),
        fig("killed", "civilians", null, 3, 3, "exact"),
        fig("killed", "attackers", null, 2, 2, "exact"),
      ],
    ],
    // Displaced people and other civilian groups.
    ["12 displaced people were killed", [fig("killed", "civilians", null, 12, 12, "exact")]],
    ["killing 12 IDPs", [fig("killed", "civilians", null, 12, 12, "exact")]],
    ["4 refugees were wounded", [fig("injured", "civilians", null, 4, 4, "exact")]],
    ["Gunmen killed 12 mourners at a funeral", [fig("killed", "civilians", null, 12, 12, "exact")]],
    ["10 wedding guests were killed", [fig("killed", "civilians", null, 10, 10, "exact")]],
    [
      "8 worshippers and 2 imams were killed",
      [fig("killed", "civilians", null, 8, 8, "exact"), fig("killed", "civilians", null, 2, 2, "exact")],
    ],
    ["40 pupils were abducted", [fig("abducted", "civilians", null, 40, 40, "exact")]],
    ["15 pastoralists were killed", [fig("killed", "civilians", null, 15, 15, "exact")]],
    ["6 shopkeepers were injured", [fig("injured", "civilians", null, 6, 6, "exact")]],
    ["20 gold miners died when the site was attacked", [fig("killed", "civilians", null, 20, 20, "exact")]],
    [
      "5 farmers and 3 students were kidnapped",
      [fig("abducted", "civilians", null, 5, 5, "exact"), fig("abducted", "civilians", null, 3, 3, "exact")],
    ],
    ["7 dozos were killed", [fig("killed", "security_forces", null, 7, 7, "exact")]],
  ])("%s", (statement, expected) => {
    expectFigures(statement, expected);
  });

  it.each<[string, string, string]>([
    // Displacement and capture are not metrics of the vocabulary: refused with a reason, never read as killed.
    ["5,000 displaced", "5,000 displaced", "outside_vocabulary"],
    ["5,000 people were displaced", "5,000 people were displaced", "outside_vocabulary"],
    ["about 2,000 IDPs", "about 2,000 IDPs", "outside_vocabulary"],
    ["30,000 refugees fled to Niger", "30,000 refugees fled", "outside_vocabulary"],
    ["the army arrested 12 suspects", "arrested 12 suspects", "outside_vocabulary"],
    ["15 assailants were put out of action", "15 assailants were put out of action", "neutralized"],
    ["the air force neutralised 30 terrorists", "neutralised 30 terrorists", "neutralized"],
    // Without a perpetrator as subject, an unknown noun stays unknown.
    ["The blast killed 12 okada riders", "killed 12 okada riders", "unknown_noun"],
  ])("%s is refused (%s)", (statement, text, reasonCode) => {
    const result = parseStatement(statement);
    expect(result.figures).toEqual([]);
    expect(result.unresolved).toMatchObject([{ text, reasonCode }]);
  });

  it("displacement says what it is in the reason's values and English text", () => {
    expect(parseStatement("5,000 displaced").unresolved).toEqual([
      {
        text: "5,000 displaced",
        reasonCode: "outside_vocabulary",
        values: { words: "5,000 displaced", outcome: "displaced" },
        reason:
          '"5,000 displaced": displacement is not a casualty metric (killed, injured, missing, abducted); record it elsewhere, not as a casualty figure',
      },
    ]);
  });

  it("keeps the kill and refuses the capture in one statement", () => {
    const result = parseStatement("The army killed 30 terrorists and captured 10 others");
    expect(result.figures).toMatchObject([fig("killed", "attackers", null, 30, 30, "exact")]);
    expect(result.unresolved).toMatchObject([
      { text: "captured 10 others", reasonCode: "outside_vocabulary", values: { outcome: "detained" } },
    ]);
  });
});

describe("reason codes", () => {
  it("every code has an English and a French message that render with its values", async () => {
    const { createTranslator } = await import("use-intl/core");
    const { REASON_CODES } = await import("./statement-parser");
    const en = (await import("@/messages/en/parser.json")).default as Record<string, string>;
    const fr = (await import("@/messages/fr/parser.json")).default as Record<string, string>;
    const values = { words: "«x»", outcome: "displaced" };
    for (const [locale, messages] of [
      ["en", en],
      ["fr", fr],
    ] as const) {
      const t = createTranslator({ locale, messages: { parser: messages }, namespace: "parser" }) as unknown as (
        key: string,
        values: Record<string, string>,
      ) => string;
      for (const code of REASON_CODES) {
        expect(messages[code], `${locale}/${code}`).toBeTypeOf("string");
        expect(t(code, values)).not.toMatch(/[{}]|parser\./);
      }
    }
  });
});
