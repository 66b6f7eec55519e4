// One row of a claims file: the claims.csv export format (lib/export/columns.ts), so an export
// re-imports as it is. Values go through the same ClaimValuesSchema as the editor's form.
//
// Filling from the statement: when metric or value_min is empty, the statement parser reads
// the statement; it must find exactly one figure (matching metric, category and subgroup when
// those are given), else the row is refused with the parser's reason.
// An empty qualifier is inferred from the values: no value_max → at_least, equal → exact,
// otherwise range. `active` is ignored: it is recomputed from the claims.
import { z } from "zod";
import { parseStatement } from "@/lib/domain/statement-parser";
import { ASSESSMENTS, CATEGORIES, METRICS, QUALIFIERS, SOURCE_KINDS } from "@/lib/domain/vocabularies";
import type { Assessment, SourceKind } from "@/lib/domain/vocabularies";
import { ISO_DAY, isCalendarDay } from "./calendar-day";
import { ClaimValuesSchema } from "./claim";
import { dayField } from "./day-field";
import { INCIDENT_CODE } from "./incident";
import { emptyToNull, optionalCount, text } from "./csv-cells";
import { issueOf } from "@/lib/errors";
import { cellProblem, problem } from "@/lib/import/row-problems";
import type { RowProblem } from "@/lib/import/import-types";
import type { ClaimValues } from "@/lib/domain/claim-values";

export const CLAIMS_REQUIRED_COLUMNS = ["incident_code", "statement", "claimant"] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(column: string, values: T) =>
  z.preprocess(emptyToNull, z.enum(values, { message: `${column} must be one of ${values.join(", ")}` }).nullable());

const uuid = (column: string) => z.preprocess(emptyToNull, z.string().uuid(`${column} must be a claim id (a UUID)`).nullable());

/** One end of a stated_on span, or null when it is no calendar day. */
const statedDay = (value: string | undefined) => (value !== undefined && isCalendarDay(value) ? value : null);

const statedOn = z.preprocess(
  emptyToNull,
  z
    .string()
    .transform((value, ctx) => {
      const [start, end, ...more] = value.split("/");
      const s = statedDay(start);
      const e = end === undefined ? null : statedDay(end);
      const impossible = [start, end].some((day) => day !== undefined && ISO_DAY.test(day) && !isCalendarDay(day));
      if (!more.length && impossible) {
        // Written as it should be, but no such day (2025-02-30): say so rather than repeat the format.
        ctx.addIssue({ code: "custom", message: "stated_on is not a real calendar date", params: { code: "calendar_day" } });
        return z.NEVER;
      }
      if (more.length || !s || (end !== undefined && !e)) {
        ctx.addIssue({
          code: "custom",
          message: "stated_on must be a date written YYYY-MM-DD, or a span YYYY-MM-DD/YYYY-MM-DD",
          params: { code: "stated_on" },
        });
        return z.NEVER;
      }
      return { start: s, end: e };
    })
    .nullable(),
);

const CellsSchema = z.object({
  claim_id: uuid("claim_id"),
  incident_code: z.string({ message: "incident_code is required" }).regex(INCIDENT_CODE, "incident_code must look like MLI-2025-0001"),
  metric: optionalEnum("metric", METRICS),
  category: optionalEnum("category", CATEGORIES),
  subgroup: text("subgroup", 80),
  value_min: optionalCount("value_min"),
  value_max: optionalCount("value_max"),
  qualifier: optionalEnum("qualifier", QUALIFIERS),
  statement: z
    .string({ message: "statement is required" })
    .min(3, "statement must quote what the source said")
    .max(5000, "statement is at most 5000 characters"),
  claimant: z
    .string({ message: "claimant is required" })
    .regex(/^[a-z0-9][a-z0-9-]{1,60}$/, "claimant must be a source slug: 2–61 lowercase letters, digits or dashes, e.g. hrw"),
  claimant_kind: optionalEnum("claimant_kind", SOURCE_KINDS),
  document_title: text("document_title", 500),
  document_url: z.preprocess(
    emptyToNull,
    z
      .string()
      .url("document_url must be a full URL, e.g. https://…")
      .refine((v) => /^https?:\/\//i.test(v), { message: "document_url must start with http:// or https://", params: { code: "http_url" } })
      .nullable(),
  ),
  published_on: z.preprocess(emptyToNull, dayField("published_on").nullable()),
  stated_on: statedOn,
  assessment: optionalEnum("assessment", ASSESSMENTS),
  active: z.preprocess(emptyToNull, z.enum(["true", "false"], { message: "active must be true or false" }).nullable()),
  superseded_by: uuid("superseded_by"),
  entered_by: text("entered_by", 200),
  entered_at: z.preprocess(
    emptyToNull,
    z.string().datetime({ offset: true, message: "entered_at must be an ISO 8601 timestamp, e.g. 2025-02-08T10:00:00.000Z" }).nullable(),
  ),
});

export type ClaimsRow = ClaimValues & {
  claimId: string | null;
  incidentCode: string;
  statement: string;
  statedOn: string | null;
  statedOnEnd: string | null;
  claimant: string;
  claimantKind: SourceKind | null;
  documentTitle: string | null;
  documentUrl: string | null;
  publishedOn: string | null;
  assessment: Assessment;
  supersededBy: string | null;
  enteredBy: string | null;
  enteredAt: string | null;
  /** Set when the statement parser filled metric, category or values. */
  parsed: boolean;
};

/** A cell's problem: its English message, and its code for the upload page's words (row-problems.ts). */
export type CellIssue = { column: string; message: string; problem?: RowProblem };
export type RowResult<T> = { ok: true; value: T } | { ok: false; issues: CellIssue[] };

const FIELD_COLUMNS: Record<string, string> = {
  metric: "metric",
  category: "category",
  subgroup: "subgroup",
  valueMin: "value_min",
  valueMax: "value_max",
  qualifier: "qualifier",
  statement: "statement",
  statedOn: "stated_on",
  statedOnEnd: "stated_on",
};

// The shared claim schema names fields in camelCase; the file's columns are snake_case.
const FIELD_WORDS: [RegExp, string][] = [
  [/\bstatedOnEnd\b/g, "the end of the stated_on span"],
  [/\bstatedOn\b/g, "stated_on"],
  [/\bvalueMin\b/g, "value_min"],
  [/\bvalueMax\b/g, "value_max"],
];

function renameFields(message: string): string {
  return FIELD_WORDS.reduce((m, [pattern, column]) => m.replace(pattern, column), message);
}

/** zod issues as column problems: the first path element is the column. */
export function cellIssues(error: z.ZodError, columns: Record<string, string> = {}): CellIssue[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    const column = columns[field] ?? (field || "row");
    const problem = cellProblem(column, issueOf(issue));
    return { column, message: renameFields(issue.message), ...(problem ? { problem } : {}) };
  });
}

export function validateClaimsRow(cells: Record<string, string>): RowResult<ClaimsRow> {
  const first = CellsSchema.safeParse(cells);
  if (!first.success) return { ok: false, issues: cellIssues(first.error) };
  const row = first.data;

  let { metric, category, subgroup, value_min: valueMin, value_max: valueMax, qualifier } = row;
  let parsed = false;
  if (metric === null || valueMin === null) {
    const { figures, unresolved } = parseStatement(row.statement);
    const matching = figures.filter(
      (f) =>
        (metric === null || f.metric === metric) &&
        (category === null || f.category === category) &&
        (subgroup === null || f.subgroup === subgroup),
    );
    if (matching.length !== 1) {
      const why =
        matching.length > 1
          ? problem("parser_several", {
              count: matching.length,
              figures: matching.map((f) => `${f.metric} · ${f.category}${f.subgroup ? ` · ${f.subgroup}` : ""}: ${f.text}`).join("; "),
              // The same figures as data, for the upload page to name metric and category in its reader's words.
              figureList: JSON.stringify(
                matching.map((f) => ({ metric: f.metric, category: f.category, subgroup: f.subgroup, text: f.text })),
              ),
            })
          : unresolved[0]
            ? // The parser's own reason goes with it, for the page to word in its language too (reasons.ts).
              problem("parser_unresolved", { reason: unresolved[0].reason, reasonCode: unresolved[0].reasonCode, ...unresolved[0].values })
            : problem("parser_none");
      return { ok: false, issues: [{ column: metric === null ? "metric" : "value_min", ...why }] };
    }
    const figure = matching[0]!;
    metric = figure.metric;
    category ??= figure.category;
    subgroup ??= figure.subgroup;
    if (valueMin === null) {
      valueMin = figure.valueMin;
      valueMax = figure.valueMax;
      qualifier ??= figure.qualifier;
    }
    parsed = true;
  }
  if (category === null)
    return {
      ok: false,
      issues: [{ column: "category", ...problem("category_required", { column: "category", values: CATEGORIES.join(", ") }) }],
    };
  qualifier ??= valueMax === null ? "at_least" : valueMax === valueMin ? "exact" : "range";

  const values = ClaimValuesSchema.safeParse({
    metric,
    category,
    subgroup,
    valueMin,
    valueMax,
    qualifier,
    statement: row.statement,
    statedOn: row.stated_on?.start ?? null,
    statedOnEnd: row.stated_on?.end ?? null,
  });
  if (!values.success) return { ok: false, issues: cellIssues(values.error, FIELD_COLUMNS) };
  const v = values.data;
  return {
    ok: true,
    value: {
      claimId: row.claim_id,
      incidentCode: row.incident_code,
      metric: v.metric,
      category: v.category,
      subgroup: v.subgroup,
      valueMin: v.valueMin,
      valueMax: v.valueMax,
      qualifier: v.qualifier,
      statement: v.statement,
      statedOn: v.statedOn,
      statedOnEnd: v.statedOnEnd,
      claimant: row.claimant,
      claimantKind: row.claimant_kind,
      documentTitle: row.document_title,
      documentUrl: row.document_url,
      publishedOn: row.published_on,
      assessment: row.assessment ?? "not_assessed",
      supersededBy: row.superseded_by,
      enteredBy: row.entered_by,
      enteredAt: row.entered_at,
      parsed,
    },
  };
}
