// Why the parser left a phrase to the editor: a stable code plus the values its message needs.
// The words are in the catalogues messages/<locale>/parser.json (one key per code, ICU syntax);
// the API returns the code, the values and the message in the request's language, and keeps the
// English message in `reason` for clients written before the codes existed.
import { createTranslator } from "use-intl/core";
import english from "@/messages/en/parser.json";

export const REASON_CODES = [
  "relative_figure",
  "same_number_missing",
  "vague_quantity",
  "killed_and_injured",
  "neutralized",
  "outside_vocabulary",
  "no_metric",
  "unknown_noun",
  "mixed_categories",
  "side_unknown",
  "breakdown_group",
  "no_figure",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** What happened to people that the vocabulary does not measure (`outcome` of "outside_vocabulary"). */
export type Outside = "displaced" | "detained";

/** `values` fill the message's placeholders: `words` (the phrase at fault), `outcome` (an Outside). */
export type Reason = { reasonCode: ReasonCode; values: Record<string, string> };

const translate = createTranslator({ locale: "en", messages: { parser: english }, namespace: "parser" });

/** The English message of a reason (messages/en/parser.json). */
export function englishReason({ reasonCode, values }: Reason): string {
  return translate(reasonCode, values);
}
