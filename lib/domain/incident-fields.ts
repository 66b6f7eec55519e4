// Kept free of zod: client components (the edit form's labels) import it, and zod's eval probe
// would be reported as a CSP violation in the browser (docs/architecture.md, "No zod in the browser").
/** The fields an editor edits, in the form's order: what a three-way merge and the history compare. */
export const EDITABLE_INCIDENT_FIELDS = [
  "title",
  "summary",
  "dateStart",
  "dateEnd",
  "datePrecision",
  "placeName",
  "admin1",
  "admin2",
  "countryIso3",
  "latitude",
  "longitude",
  "locationPrecision",
  "eventType",
  "subEventType",
  "grading",
  "acledEventId",
  "ucdpId",
  "actors",
] as const;
