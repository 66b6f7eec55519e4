// What is wrong with a file or a row, as a stable code plus the values its words need: the upload
// page words it in its reader's language from messages/<locale>/import.json (`problem.*`), the
// CLI and the API's `message` keep the English. As the statement parser's reasons (reasons.ts).
// Problems of a cell come from the zod schemas of the formats (lib/validation/); their code is
// read off the zod issue: by column first (a column with its own pattern or rule), then by kind.
import { createTranslator } from "use-intl/core";
import type { FieldIssue } from "@/lib/errors";
import type { RowProblem } from "./import-types";
import { problemKey } from "@/lib/forms/validation-messages";
import english from "@/messages/en/import.json";

export type ProblemCode = keyof typeof english.problem;
// Values are strings (a number in ICU would be shown with digit grouping: row 1,234) except `count`, which plurals use.

const translate = createTranslator({ locale: "en", messages: { problem: english.problem }, namespace: "problem" });

/** The English words of a problem: what the API's `message` and the CLI say. */
export function englishProblem({ code, values }: RowProblem): string {
  return translate(code as ProblemCode, values ?? {});
}

/** A problem and its English message, for a row error. */
export function problem(code: ProblemCode, values?: Record<string, string | number>): { problem: RowProblem; message: string } {
  const p: RowProblem = values ? { code, values } : { code };
  return { problem: p, message: englishProblem(p) };
}

/** Problems that only some columns have: their own pattern (zod `invalid_format`) or rule. */
const COLUMN_PROBLEMS: Record<string, ProblemCode> = {
  "incident_code:invalid_format": "incident_code",
  "claimant:invalid_format": "source_slug",
  "claim_id:invalid_format": "claim_uuid",
  "superseded_by:invalid_format": "claim_uuid",
  "document_url:invalid_format": "full_url",
  "entered_at:invalid_format": "timestamp_iso",
  "published_on:invalid_format": "iso_day",
  "published_on:invalid_type": "iso_day",
  "statement:too_small": "statement_short",
  "active:invalid_value": "true_or_false",
  "event_id_cnty:invalid_format": "external_id_acled",
  "id:invalid_format": "external_id_ucdp",
  "iso:invalid_format": "iso_numeric",
  "iso3:invalid_format": "iso3",
  "country_iso3:invalid_format": "iso3",
  "timestamp:invalid_format": "unix_seconds",
};

/** Custom rules (a zod issue's `params.code`) whose code differs from the catalogue's. */
const RULES: Record<string, ProblemCode> = { date_order: "date_order_stated" };

/** The issue's values that words can use, as text; zod's own (origin, expected, format) stay out of the API's answer. */
const text = (values: FieldIssue["values"]) =>
  Object.fromEntries(
    Object.entries(values ?? {})
      .filter(([name]) => !["origin", "expected", "format"].includes(name))
      .map(([name, value]) => [name, String(value)]),
  );

/** The problem of one cell, from its zod issue; null when no code fits (the English message is shown). */
export function cellProblem(column: string, issue: FieldIssue): RowProblem | null {
  const kind = problemKey(issue);
  const values = { ...text(issue.values), column };
  const own = COLUMN_PROBLEMS[`${column}:${kind}`];
  if (own) return { code: own, values };
  if (issue.code === "custom" && issue.rule) {
    const code = RULES[issue.rule] ?? issue.rule;
    return code in english.problem ? { code: code as ProblemCode, values } : null;
  }
  const origin = issue.values?.origin; // "string" or "number": the same check words differently
  switch (kind) {
    case "invalid_type":
      return { code: "required", values };
    case "invalid_type_int":
      return { code: "whole_number", values };
    case "too_small":
      if (origin === "string" && issue.values?.minimum === 1) return { code: "required", values };
      if (origin === "number" && issue.values?.minimum === 0) return { code: "negative", values };
      return null;
    case "too_big":
      if (origin === "string") return { code: "too_long", values };
      if (origin === "number") return { code: "implausible", values };
      return null;
    case "invalid_value":
      return { code: "one_of", values };
    default:
      return null;
  }
}
