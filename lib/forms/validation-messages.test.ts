// The forms' validation messages in both languages: real schema failures, worded from the
// `validation` catalogue by field and problem. English must read exactly as the schema's English
// in the label's words (as the forms showed it before the catalogue), French must be French.
import { describe, expect, it } from "vitest";
import { fieldIssues, fieldProblems, type FieldIssue } from "@/lib/errors";
import { testI18n } from "@/lib/i18n/test-i18n";
import { readCatalogue } from "@/lib/i18n/messages";
import { ClaimValuesSchema, NewClaimSchema } from "@/lib/validation/claim";
import { IncidentValuesSchema, MergeSchema } from "@/lib/validation/incident";
import { LoginSchema } from "@/lib/auth/login";
import type { ZodType } from "zod";
import { humanFieldMessage } from "./field-messages";
import {
  FIELD_GROUPS,
  FIELD_PROBLEMS,
  GENERIC_PROBLEMS,
  GROUP_PROBLEMS,
  fieldKey,
  fieldMessages,
  formErrorMessage,
  formSummaryText,
  validationKey,
  validationMessage,
} from "./validation-messages";

const en = testI18n("en");
const fr = testI18n("fr");

/** The English labels the forms give these fields (as the e2e specs read them). */
const LABELS: Record<string, string> = {
  title: "Title",
  summary: "Summary",
  dateStart: "First day",
  dateEnd: "Last day",
  datePrecision: "Date precision",
  placeName: "Place name",
  admin1: "Region (admin 1)",
  admin2: "District (admin 2)",
  countryIso3: "Country (ISO3)",
  latitude: "Latitude",
  longitude: "Longitude",
  locationPrecision: "Location precision (UCDP)",
  eventType: "Event type",
  subEventType: "Sub-event type",
  grading: "Grading",
  acledEventId: "ACLED event id",
  ucdpId: "UCDP GED id",
  "actors.0.name": "Actor 1",
  "actors.0.role": "Role of actor 1",
  actors: "Actors",
  claimantId: "Claimant (whose figure it is)",
  documentId: "Document it appears in",
  statedOn: "Date the claim was made",
  statedOnEnd: "…or latest date, if only a range is known",
  statement: "Statement (verbatim)",
  metric: "Metric",
  category: "Category",
  subgroup: "Subgroup (optional)",
  qualifier: "Qualifier",
  valueMin: "From (lowest)",
  valueMax: "To (highest; empty = open)",
  targetCode: "Code of the incident to keep",
  email: "Email",
  password: "Password",
};

const bare = (label: string) => label.replace(/\s*\(.*\)$/, "");

function failures(schema: ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to fail`);
  return { fields: fieldProblems(result.error), issues: fieldIssues(result.error) };
}

const validIncident = {
  title: "Attack on Kobé",
  summary: "",
  dateStart: "2024-02-01",
  dateEnd: "",
  datePrecision: "day",
  placeName: "Kobé",
  countryIso3: "MLI",
  latitude: 15,
  longitude: 0,
  locationPrecision: 1,
  eventType: "Battles",
  grading: "fair",
  actors: [],
};
const validClaim = {
  metric: "killed",
  category: "civilians",
  valueMin: 3,
  valueMax: 3,
  qualifier: "exact",
  statement: "Three were killed.",
};

const CASES: [string, ZodType, unknown][] = [
  ["short title", IncidentValuesSchema, { ...validIncident, title: "a" }],
  ["long title and summary", IncidentValuesSchema, { ...validIncident, title: "x".repeat(301), summary: "y".repeat(10_001) }],
  ["bad dates", IncidentValuesSchema, { ...validIncident, dateStart: "2024-02-30", dateEnd: "01/02/2024" }],
  ["missing date", IncidentValuesSchema, { ...validIncident, dateStart: undefined }],
  ["dates in the wrong order", IncidentValuesSchema, { ...validIncident, dateStart: "2024-02-03", dateEnd: "2024-02-01" }],
  ["bad choices", IncidentValuesSchema, { ...validIncident, datePrecision: "x", grading: "y", actors: [{ name: "", role: "z" }] }],
  [
    "long texts",
    IncidentValuesSchema,
    { ...validIncident, placeName: "p".repeat(301), admin1: "a".repeat(201), eventType: "e".repeat(101) },
  ],
  ["empty place", IncidentValuesSchema, { ...validIncident, placeName: "", eventType: "", countryIso3: "Mali" }],
  ["bad coordinates", IncidentValuesSchema, { ...validIncident, latitude: "north", longitude: 200 }],
  ["low coordinates", IncidentValuesSchema, { ...validIncident, latitude: -91, longitude: -181, locationPrecision: 9 }],
  ["long actor", IncidentValuesSchema, { ...validIncident, actors: [{ name: "n".repeat(201), role: "target" }] }],
  ["bad counts", ClaimValuesSchema, { ...validClaim, valueMin: "many", valueMax: 2.5 }],
  ["negative and huge counts", ClaimValuesSchema, { ...validClaim, valueMin: -1, valueMax: 20_000_000, qualifier: "range" }],
  ["max below min", ClaimValuesSchema, { ...validClaim, valueMin: 5, valueMax: 3, qualifier: "range" }],
  ["open-ended with a max", ClaimValuesSchema, { ...validClaim, qualifier: "at_least" }],
  ["exact with a range", ClaimValuesSchema, { ...validClaim, valueMax: 4 }],
  ["range without max", ClaimValuesSchema, { ...validClaim, valueMax: null, qualifier: "range" }],
  ["stated dates", ClaimValuesSchema, { ...validClaim, statedOnEnd: "2024-02-01" }],
  ["stated dates in the wrong order", ClaimValuesSchema, { ...validClaim, statedOn: "2024-02-03", statedOnEnd: "2024-02-01" }],
  ["bad statement and choices", ClaimValuesSchema, { ...validClaim, statement: "a", metric: "x", category: "y", qualifier: "z" }],
  ["long statement", ClaimValuesSchema, { ...validClaim, statement: "s".repeat(5001), subgroup: "g".repeat(81) }],
  ["bad claimant", NewClaimSchema, { ...validClaim, incidentCode: "MLI-2024-0001", claimantId: "hrw", documentId: "doc" }],
  ["empty merge", MergeSchema, { targetCode: "", expectedVersion: 1, targetExpectedVersion: 1 }],
  ["bad sign-in", LoginSchema, { email: "someone", password: "" }],
];

describe("validation messages", () => {
  it.each(CASES)("%s: English reads as the schema's message in the label's words", (_name, schema, input) => {
    const { fields, issues } = failures(schema, input);
    for (const [path, messages] of Object.entries(fields)) {
      const label = bare(LABELS[path] ?? path);
      messages.forEach((message, i) => {
        const issue = issues[path]![i]!;
        expect(validationMessage(en, path, issue, message, label), `${path} ${JSON.stringify(issue)}`).toBe(
          humanFieldMessage(message, path, label),
        );
      });
    }
  });

  it.each(CASES)("%s: French has words for every problem of the forms' fields", (_name, schema, input) => {
    const { fields, issues } = failures(schema, input);
    for (const [path, messages] of Object.entries(fields)) {
      messages.forEach((message, i) => {
        const issue = issues[path]![i]!;
        if (!validationKey(path, issue)) return; // the server's English, by design
        const french = validationMessage(fr, path, issue, message, "Champ");
        expect(french).not.toBe(humanFieldMessage(message, path, "Champ"));
        expect(french).not.toMatch(/[A-Z][a-z]+[A-Z]|\bmust\b|\bis required\b/); // no API field name, no English
      });
    }
  });

  it("words each problem in French", () => {
    const fieldIssue = (code: string, values?: FieldIssue["values"], rule?: string): FieldIssue => ({ code, values, rule });
    expect(validationMessage(fr, "title", fieldIssue("too_small", { origin: "string", minimum: 3 }), "", "Titre")).toBe(
      "Titre : au moins 3 caractères",
    );
    expect(validationMessage(fr, "summary", fieldIssue("too_big", { origin: "string", maximum: 10_000 }), "", "Résumé")).toBe(
      "Résumé : 10\u202f000 caractères au plus",
    );
    expect(validationMessage(fr, "dateEnd", fieldIssue("custom", undefined, "date_order"), "", "Dernier jour")).toBe(
      "Dernier jour doit être égal ou postérieur au « Premier jour »",
    );
    expect(validationMessage(fr, "row.2.valueMax", fieldIssue("custom", { qualifier: "range" }, "max_required"), "", "À")).toBe(
      "une revendication « fourchette » exige une valeur « À »",
    );
    expect(validationMessage(fr, "claims.0.valueMin", fieldIssue("too_small", { origin: "number", minimum: 0 }), "", "De")).toBe(
      "De ne peut pas être négatif",
    );
    expect(validationMessage(fr, "statedOnEnd", fieldIssue("invalid_format", { format: "regex" }), "", "Date")).toBe(
      "Date : saisissez une date au format AAAA-MM-JJ",
    );
    expect(validationMessage(fr, "targetCode", fieldIssue("custom", { code: "MLI-2024-0009" }, "no_incident"), "", "Code")).toBe(
      "aucun incident MLI-2024-0009",
    );
    expect(validationMessage(en, "targetCode", fieldIssue("custom", { code: "none" }, "no_incident"), "", "Code")).toBe(
      "no incident with that code",
    );
    expect(validationMessage(fr, "statedOnEnd", fieldIssue("custom", undefined, "date_order"), "", "…ou date la plus tardive")).toBe(
      "La date la plus tardive doit être égale ou postérieure à la « Date de la revendication »",
    );
    expect(validationMessage(fr, "grading", fieldIssue("invalid_value", { values: "confirmed, fair" }), "", "Fiabilité")).toBe(
      "Fiabilité doit être l’une de ces valeurs : confirmed, fair",
    );
  });

  it("falls back to the server's English, in the label's words, for a problem it has no words for", () => {
    const issue: FieldIssue = { code: "invalid_type", values: { expected: "number" } };
    expect(validationMessage(fr, "locationPrecision", issue, "Invalid input: expected number, received NaN", "Précision du lieu")).toBe(
      "Invalid input: expected number, received NaN",
    );
    expect(validationMessage(fr, "placeName", undefined, "placeName is required", "Nom du lieu")).toBe("Nom du lieu is required");
  });

  it("collects a field's messages and its sub-fields'", () => {
    const fields = { actors: ["too many"], "actors.0.name": ["actor name is required"], title: ["title must be at least 3 characters"] };
    const issues = {
      "actors.0.name": [{ code: "too_small", values: { origin: "string", minimum: 1 } }],
      title: [{ code: "too_small", values: { origin: "string", minimum: 3 } }],
    };
    expect(fieldMessages(fr, fields, issues, "actors", "Acteurs")).toEqual(["too many", "le nom de l’acteur est obligatoire"]);
    expect(fieldMessages(en, fields, issues, "title", "Title")).toEqual(["Title must be at least 3 characters"]);
    expect(fieldMessages(fr, fields, undefined, "title", "Titre")).toEqual(["Titre must be at least 3 characters"]);
  });

  it("reads a field's key from its path", () => {
    expect(fieldKey("actors.3.name")).toBe("actors.name");
    expect(fieldKey("claims.0.valueMax")).toBe("valueMax");
    expect(fieldKey("row.12.qualifier")).toBe("qualifier");
  });

  it("sums up a form's field errors and words known form errors", () => {
    expect(formSummaryText(en, { title: ["x"] }, "Invalid input")).toBe("One field needs correcting — see the message beside it.");
    expect(formSummaryText(en, { title: ["x"], dateEnd: ["y"] }, null)).toBe("2 fields need correcting — see the messages beside them.");
    expect(formSummaryText(fr, { title: ["x"] }, null)).toBe("Un champ est à corriger — voir le message à côté.");
    expect(formSummaryText(fr, { title: ["x"], dateEnd: ["y"] }, null)).toBe("2 champs sont à corriger — voir les messages à côté.");
    expect(formSummaryText(fr, {}, "Conflict")).toBe("Conflict");
    expect(formErrorMessage(en, { code: "bad_credentials", message: "The email or password is wrong." })).toBe(
      "The email or password is wrong.",
    );
    expect(formErrorMessage(fr, { code: "bad_credentials", message: "The email or password is wrong." })).toBe(
      "L’adresse e-mail ou le mot de passe est incorrect.",
    );
    expect(formErrorMessage(fr, { code: "conflict", message: "Someone else saved first." })).toBe("Someone else saved first.");
  });

  it("has a catalogue message for every problem it lists, and lists every one in the catalogue", () => {
    const listed = [
      ...Object.entries(FIELD_PROBLEMS).flatMap(([field, problems]) => problems.map((p) => `field.${field}.${p}`)),
      ...Object.entries(GROUP_PROBLEMS).flatMap(([group, problems]) => problems.map((p) => `group.${group}.${p}`)),
      ...GENERIC_PROBLEMS.map((p) => `generic.${p}`),
    ].sort();
    const keys = (value: unknown, prefix: string): string[] =>
      typeof value === "string"
        ? [prefix]
        : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
    const catalogue = readCatalogue("en").validation as Record<string, unknown>;
    const inCatalogue = ["field", "group", "generic"].flatMap((part) => keys(catalogue[part], part)).sort();
    expect(inCatalogue).toEqual(listed);
    expect(Object.values(FIELD_GROUPS).every((group) => group in GROUP_PROBLEMS)).toBe(true);
  });
});
