// What the home page says about the part of a link it ignored (a bad ?query). English shows the
// validation message as the API writes it; other languages say it per field from the catalogue
// (home.filterProblem.<field>), since the schema's own messages are English.
import type { AppError } from "@/lib/errors";
import type { I18n } from "@/lib/i18n/i18n";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { FILTER_KEYS } from "@/lib/filters/filter-url";

// The filter's own parameters, and the list's cursor.
const KNOWN_FIELDS = new Set<string>([...FILTER_KEYS, "cursor"]);

/** The problem in the reader's language; null when there is none. */
export function filterProblemText(i18n: I18n, error: AppError | null): string | null {
  if (!error) return null;
  if (i18n.locale === DEFAULT_LOCALE) return error.message;
  const fields = Object.keys(error.fields ?? {});
  if (fields.length === 0) return i18n.t("home.filterUnreadable");
  const problems = fields
    .map((field) =>
      i18n.t("home.fieldProblem", {
        field,
        problem: i18n.t(`home.filterProblem.${KNOWN_FIELDS.has(field) ? field : "other"}`),
      }),
    )
    .join(" | ");
  return i18n.t("home.invalidInput", { problems });
}
