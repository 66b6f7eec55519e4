// Every problem a file's cells can have comes with a code whose English words are exactly the
// message the API and the CLI give, and whose French words exist: the upload page shows a French
// reader no English problem (the references' problems are checked in tests/db/import-claims.test.ts;
// lib/i18n/catalogues.test.ts keeps the two catalogues' keys and placeholders in step).
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import french from "@/messages/fr/import.json";
import frenchParser from "@/messages/fr/parser.json";
import { AcledRowSchema } from "@/lib/validation/acled-row";
import { cellIssues, validateClaimsRow, type CellIssue } from "@/lib/validation/claims-row";
import { UcdpRowSchema } from "@/lib/validation/ucdp-row";
import { CsvFileError, readCsv } from "./csv-file";
import type { RowProblem } from "./import-types";
import { englishProblem, type ProblemCode } from "./row-problems";

const fr = createTranslator({ locale: "fr", messages: { import: french, parser: frenchParser } });

const claim = {
  incident_code: "MLI-2025-0001",
  metric: "killed",
  category: "civilians",
  value_min: "3",
  value_max: "3",
  qualifier: "exact",
  statement: "Three civilians were killed.",
  claimant: "hrw",
};
const acled = {
  event_id_cnty: "MLI1",
  event_date: "2025-02-07",
  event_type: "Violence against civilians",
  location: "Kobé",
  latitude: "16.3",
  longitude: "-0.2",
  fatalities: "3",
  iso: "466",
};
const ucdp = {
  id: "1",
  date_start: "2025-02-07",
  date_end: "2025-02-07",
  latitude: "16.3",
  longitude: "-0.2",
  country: "Mali",
  best: "3",
  low: "2",
  high: "4",
};

const withoutKey = (cells: Record<string, string>, key: string) => Object.fromEntries(Object.entries(cells).filter(([k]) => k !== key));

/** Cells that break one rule each, and the problem code expected first. */
const CASES: [string, Record<string, string>, "claims" | "acled" | "ucdp", ProblemCode][] = [
  ["negative count", { ...claim, value_min: "-4" }, "claims", "negative"],
  ["a word for a count", { ...claim, value_min: "three" }, "claims", "digits"],
  ["a fraction", { ...claim, value_min: "3.5" }, "claims", "whole_number"],
  ["a huge count", { ...claim, value_min: "99999999" }, "claims", "implausible"],
  ["a malformed incident code", { ...claim, incident_code: "Kobé" }, "claims", "incident_code"],
  ["no incident code", withoutKey(claim, "incident_code"), "claims", "required"],
  ["a claimant that is no slug", { ...claim, claimant: "Human Rights Watch" }, "claims", "source_slug"],
  ["a claim id that is no uuid", { ...claim, claim_id: "claim-1" }, "claims", "claim_uuid"],
  ["a superseded_by that is no uuid", { ...claim, superseded_by: "claim-2" }, "claims", "claim_uuid"],
  ["no URL", { ...claim, document_url: "hrw report" }, "claims", "full_url"],
  ["a URL that is not the web", { ...claim, document_url: "ftp://hrw.org/report" }, "claims", "http_url"],
  ["a day not written YYYY-MM-DD", { ...claim, published_on: "07/02/2025" }, "claims", "iso_day"],
  ["a day not in the calendar", { ...claim, published_on: "2025-02-30" }, "claims", "calendar_day"],
  ["stated_on not a day", { ...claim, stated_on: "yesterday" }, "claims", "stated_on"],
  ["stated_on on a day the calendar lacks", { ...claim, stated_on: "2025-02-30" }, "claims", "calendar_day"],
  ["an event on a day the calendar lacks", { ...acled, event_date: "2016-02-30" }, "acled", "calendar_day"],
  ["stated_on ending before it starts", { ...claim, stated_on: "2025-02-10/2025-02-01" }, "claims", "date_order_stated"],
  ["entered_at not a timestamp", { ...claim, entered_at: "today" }, "claims", "timestamp_iso"],
  ["active neither true nor false", { ...claim, active: "maybe" }, "claims", "true_or_false"],
  ["a metric outside the vocabulary", { ...claim, metric: "dead" }, "claims", "one_of"],
  ["a long subgroup", { ...claim, subgroup: "x".repeat(81) }, "claims", "too_long"],
  ["a statement too short to quote", { ...claim, statement: "ok" }, "claims", "statement_short"],
  ["value_max below value_min", { ...claim, value_max: "2", qualifier: "range" }, "claims", "max_below_min"],
  ["an open claim with value_max", { ...claim, qualifier: "at_least" }, "claims", "max_must_be_empty"],
  ["an exact claim with two values", { ...claim, value_max: "5" }, "claims", "max_must_equal_min"],
  ["a range without value_max", { ...claim, value_max: "", qualifier: "range" }, "claims", "max_required"],
  [
    "a statement without a figure",
    { ...claim, metric: "", value_min: "", value_max: "", statement: "The attack was terrible." },
    "claims",
    "parser_unresolved",
  ],
  ["no figure of the row's metric", { ...claim, metric: "injured", value_min: "", value_max: "" }, "claims", "parser_none"],
  [
    "two figures to read",
    { ...claim, metric: "", value_min: "", value_max: "", category: "", statement: "Five soldiers and three civilians were killed." },
    "claims",
    "parser_several",
  ],
  [
    "a figure the parser leaves to people",
    { ...claim, metric: "", value_min: "", value_max: "", statement: "Several people were killed." },
    "claims",
    "parser_unresolved",
  ],
  ["no category", { ...claim, category: "", metric: "killed" }, "claims", "category_required"],
  ["a malformed ACLED event id", { ...acled, event_id_cnty: "MLI 1" }, "acled", "external_id_acled"],
  ["an event date that is no day", { ...acled, event_date: "someday" }, "acled", "day"],
  ["a precision that is no number", { ...acled, time_precision: "high" }, "acled", "code_digits"],
  ["a precision out of range", { ...acled, time_precision: "9" }, "acled", "code_range"],
  ["a latitude that is no number", { ...acled, latitude: "north" }, "acled", "decimal"],
  ["a latitude beyond the pole", { ...acled, latitude: "95" }, "acled", "between"],
  ["an iso that is no number", { ...acled, iso: "MLI" }, "acled", "iso_numeric"],
  ["an iso3 that is no code", { ...acled, iso: "", iso3: "12" }, "acled", "iso3"],
  ["a country nobody knows", { ...acled, iso: "", country: "Atlantis" }, "acled", "unknown_country_acled"],
  ["no country at all", { ...acled, iso: "" }, "acled", "missing_country"],
  ["a timestamp that is no Unix time", { ...acled, timestamp: "yesterday" }, "acled", "unix_seconds"],
  ["no fatalities", { ...acled, fatalities: "" }, "acled", "required"],
  ["a malformed GED id", { ...ucdp, id: "GED 1" }, "ucdp", "external_id_ucdp"],
  ["an end before the start", { ...ucdp, date_end: "2025-02-01" }, "ucdp", "date_end_order"],
  ["low above best", { ...ucdp, low: "5" }, "ucdp", "low_above_best"],
  ["high below best", { ...ucdp, high: "2" }, "ucdp", "high_below_best"],
  ["a GED country nobody knows", { ...ucdp, country: "Atlantis" }, "ucdp", "unknown_country_ucdp"],
  ["a country_iso3 that is no code", { ...ucdp, country_iso3: "1" }, "ucdp", "iso3"],
];

function issuesOf(format: "claims" | "acled" | "ucdp", cells: Record<string, string>): CellIssue[] {
  if (format === "claims") {
    const result = validateClaimsRow(cells);
    return result.ok ? [] : result.issues;
  }
  const result = (format === "acled" ? AcledRowSchema : UcdpRowSchema).safeParse(cells);
  return result.success ? [] : cellIssues(result.error);
}

const frenchOf = (p: RowProblem) => {
  const values = { ...p.values };
  if (p.code === "parser_unresolved") values.reason = fr(`parser.${values.reasonCode as "no_figure"}`, values as Record<string, string>);
  return fr(`import.problem.${p.code as ProblemCode}`, values);
};

describe("the problems of a file's cells", () => {
  it.each(CASES)("%s: a code whose English is the message, and French words", (_name, cells, format, code) => {
    const issues = issuesOf(format, cells);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.problem?.code).toBe(code);
    for (const issue of issues) {
      expect(issue.problem, issue.message).toBeDefined();
      expect(englishProblem(issue.problem!)).toBe(issue.message);
      const words = frenchOf(issue.problem!);
      expect(words).not.toBe(issue.message);
      expect(words).not.toMatch(/[{}]|import\.problem/);
    }
  });

  it("words the parser's reason in French too", () => {
    const [issue] = issuesOf("claims", { ...claim, metric: "", value_min: "", value_max: "", statement: "Several people were killed." });
    expect(frenchOf(issue!.problem!)).toBe(
      "l’analyseur de déclarations n’a pas pu lire de bilan : « Several » n’a pas de valeur numérique convenue (il n’existe de convention que pour les dizaines, douzaines et centaines) ; saisissez un chiffre explicitement",
    );
    expect(issue!.message).toContain("has no agreed numeric value");
  });

  it("shows numbers as the message does, without digit grouping", () => {
    const [issue] = issuesOf("claims", { ...claim, statement: "x".repeat(5001) });
    expect(issue!.message).toBe("statement is at most 5000 characters");
    expect(englishProblem(issue!.problem!)).toBe("statement is at most 5000 characters");
  });
});

describe("the problems of a whole file", () => {
  const refusal = (text: string) => {
    try {
      readCsv(text);
    } catch (error) {
      if (error instanceof CsvFileError) return error;
      throw error;
    }
    throw new Error("the file was read");
  };

  it.each([
    ["an empty file", "", "empty_file"],
    ["a header naming a column twice", "statement,claimant,statement\n", "duplicate_header"],
    ["an unclosed quote", 'incident_code,statement\nMLI-2025-0001,"never closed\n', "not_csv"],
    ["a stray quote after a closed one", 'incident_code,statement\nMLI-2025-0001,"closed"x\n', "not_csv"],
  ] as const)("%s: a code whose English is the message, and French words", (_name, text, code) => {
    const error = refusal(text);
    expect(error.problem.code).toBe(code);
    expect(englishProblem(error.problem)).toBe(error.message);
    expect(frenchOf(error.problem)).not.toBe(error.message);
  });
});
