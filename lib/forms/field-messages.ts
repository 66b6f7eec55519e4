// Validation messages come from the shared zod schemas and name fields as the API does
// (`dateEnd`, `placeName`). Beside a form field they must use the words of that field's label.
// The words, kept together so a translation can find them.
export const FIELD_WORDS: Record<string, string> = {
  title: "Title",
  summary: "Summary",
  dateStart: "First day",
  dateEnd: "Last day",
  datePrecision: "Date precision",
  placeName: "Place name",
  admin1: "Region (admin 1)",
  admin2: "District (admin 2)",
  countryIso3: "Country",
  latitude: "Latitude",
  longitude: "Longitude",
  locationPrecision: "Location precision",
  eventType: "Event type",
  subEventType: "Sub-event type",
  grading: "Grading",
  acledEventId: "ACLED event id",
  ucdpId: "UCDP GED id",
  actors: "Actors",
  claimantId: "Claimant",
  documentId: "Document",
  statement: "Statement",
  statedOn: "Date the claim was made",
  statedOnEnd: "Latest date",
  valueMin: "From",
  valueMax: "To",
  metric: "Metric",
  category: "Category",
  subgroup: "Subgroup",
  qualifier: "Qualifier",
  sourceId: "Published by",
  slug: "Short id",
  kind: "Kind",
  url: "URL",
  archiveUrl: "Archive URL",
  publishedOn: "Published on",
  accessedOn: "Accessed on",
  relaysSourceIds: "Relays",
  targetCode: "Code of the incident to keep",
  email: "Email",
  password: "Password",
  role: "Role",
  name: "Name",
  best: "Best",
  low: "Low",
  high: "High",
  rationale: "Rationale",
  reason: "Reason",
  assessment: "Assessment",
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * One message in the words of the form: the field's own name at the start becomes its label,
 * other internal names become their words ("must be on or after dateStart" → "… First day").
 */
export function humanFieldMessage(message: string, fieldName: string, label: string): string {
  const own = fieldName.split(".").at(-1) ?? fieldName;
  let text = message.replace(new RegExp(`^${escape(own)}\\b`), label);
  // Only internal-looking names (camelCase, digits): "reason" or "title" are also plain words.
  for (const [key, words] of Object.entries(FIELD_WORDS)) {
    if (!/[A-Z0-9]/.test(key)) continue;
    text = text.replace(new RegExp(`\\b${escape(key)}\\b`, "g"), `“${words}”`);
  }
  return text;
}

/** The line at the top of a form with field errors: it points at the fields rather than repeating them. */
export function formSummary(fields: Record<string, string[]> | undefined, message: string | null | undefined): string | null {
  const count = Object.keys(fields ?? {}).filter((k) => k !== "_").length;
  if (count > 0)
    return count === 1
      ? "One field needs correcting — see the message beside it."
      : `${count} fields need correcting — see the messages beside them.`;
  return message ?? null;
}
