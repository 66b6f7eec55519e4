// A field's validation problem in the reader's language. The API and the shared zod schemas write
// their messages in English and name fields as the API does (`dateEnd`); with each message comes
// what the problem is (FieldIssue: the zod issue code, a custom rule, its numbers). A form words
// that from the `validation` catalogue, by field and problem, else by problem alone; a problem the
// catalogue does not know shows the server's English, in the label's words (humanFieldMessage).
// The English catalogue repeats the schemas' English, so English pages read exactly as before.
import type { FieldIssue, FieldIssues } from "@/lib/errors";
import type { I18n, MessageValues } from "@/lib/i18n/i18n";
import { humanFieldMessage } from "./field-messages";

/** The messages a field can have, by field (its path without row numbers) and problem. Kept in step with messages/<locale>/validation.json. */
export const FIELD_PROBLEMS: Record<string, readonly string[]> = {
  title: ["too_small", "too_big"],
  summary: ["too_big"],
  placeName: ["too_small", "too_big"],
  countryIso3: ["invalid_format"],
  latitude: ["invalid_type", "too_small", "too_big"],
  longitude: ["invalid_type", "too_small", "too_big"],
  locationPrecision: ["too_small", "too_big"],
  eventType: ["too_small", "too_big"],
  actors: ["too_big"],
  "actors.name": ["too_small", "too_big"],
  dateEnd: ["custom_date_order"],
  targetCode: ["too_small", "custom_no_incident", "custom_same_incident"],
  confirm: ["custom_confirm"],
  claims: ["custom_at_least_one"],
  valueMax: ["custom_max_below_min", "custom_max_must_be_empty", "custom_max_must_equal_min", "custom_max_required"],
  statement: ["too_small", "too_big"],
  statedOn: ["custom_required_with_end"],
  statedOnEnd: ["custom_date_order"],
  claimantId: ["invalid_format"],
  documentId: ["invalid_format"],
  email: ["invalid_format"],
  password: ["too_small"],
};

/** Fields that share their messages: every calendar day, every count. */
export const FIELD_GROUPS: Record<string, string> = {
  dateStart: "day",
  dateEnd: "day",
  statedOn: "day",
  statedOnEnd: "day",
  valueMin: "count",
  valueMax: "count",
};

export const GROUP_PROBLEMS: Record<string, readonly string[]> = {
  day: ["invalid_type", "invalid_format", "custom_calendar_day"],
  count: ["invalid_type", "invalid_type_int", "too_small", "too_big"],
};

/** Problems worded the same for any field. */
export const GENERIC_PROBLEMS: readonly string[] = ["too_small_string_1", "too_big_string", "invalid_value"];

/** "actors.0.name" → "actors.name"; a claim row's field ("claims.0.valueMin", "row.2.valueMin") → "valueMin". */
export function fieldKey(path: string): string {
  return path
    .split(".")
    .filter((part) => !/^\d+$/.test(part))
    .filter((part, index) => !(index === 0 && (part === "claims" || part === "row")))
    .join(".");
}

/** The catalogue's name for a problem: the issue code, with a custom issue's rule or an integer's "int". */
export function problemKey(issue: FieldIssue): string {
  if (issue.code === "custom" && issue.rule) return `custom_${issue.rule}`;
  if (issue.code === "invalid_type" && issue.values?.expected === "int") return "invalid_type_int";
  return issue.code;
}

function genericKey(issue: FieldIssue): string | null {
  const problem = problemKey(issue);
  if (problem === "too_small" && issue.values?.origin === "string" && issue.values.minimum === 1) return "too_small_string_1";
  if (problem === "too_big" && issue.values?.origin === "string") return "too_big_string";
  if (problem === "invalid_value" && issue.values?.values !== undefined) return "invalid_value";
  return null;
}

/** The catalogue key for one problem of one field, or null when the catalogue has no words for it. */
export function validationKey(path: string, issue: FieldIssue): string | null {
  const field = fieldKey(path);
  const problem = problemKey(issue);
  if (FIELD_PROBLEMS[field]?.includes(problem)) return `validation.field.${field}.${problem}`;
  const group = FIELD_GROUPS[field];
  if (group && GROUP_PROBLEMS[group]?.includes(problem)) return `validation.group.${group}.${problem}`;
  const generic = genericKey(issue);
  return generic ? `validation.generic.${generic}` : null;
}

/**
 * One field problem in the reader's language. `label` is the field's label as the form shows it
 * (without a trailing "(…)"); `fallback` the server's English message.
 */
export function validationMessage(
  i18n: I18n,
  path: string,
  issue: FieldIssue | undefined,
  fallback: string,
  label: string,
  fallbackName: string = path,
): string {
  const key = issue ? validationKey(path, issue) : null;
  if (!issue || !key) return humanFieldMessage(fallback, fallbackName, label);
  const values: MessageValues = { label };
  for (const [name, value] of Object.entries(issue.values ?? {})) values[name] = value;
  return i18n.t(key, values);
}

/** Every message for the field `name` (and its sub-fields, "actors" → "actors.0.name"), in the reader's language. */
export function fieldMessages(
  i18n: I18n,
  fields: Record<string, string[]>,
  issues: FieldIssues | undefined,
  name: string,
  label: string,
): string[] {
  return Object.entries(fields)
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([key, messages]) => messages.map((message, i) => validationMessage(i18n, key, issues?.[key]?.[i], message, label, name)));
}

/** The line at the top of a form with field errors: it points at the fields rather than repeating them. */
export function formSummaryText(
  i18n: I18n,
  fields: Record<string, string[]> | undefined,
  message: string | null | undefined,
): string | null {
  const count = Object.keys(fields ?? {}).filter((k) => k !== "_").length;
  if (count > 0) return i18n.t("validation.summary", { count });
  return message ?? null;
}

/** Form-level errors (no field) that the forms word themselves, by the error's code; others show the server's text. */
export const FORM_ERROR_CODES = ["bad_credentials", "rate_limited", "unauthenticated", "no_figures", "network"] as const;

export function formErrorMessage(i18n: I18n, error: { code?: string; message: string; status?: number } | null | undefined): string | null {
  if (!error) return null;
  if (error.code && (FORM_ERROR_CODES as readonly string[]).includes(error.code)) return i18n.t(`validation.form.${error.code}`);
  return error.message;
}
