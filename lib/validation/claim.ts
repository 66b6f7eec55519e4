// One schema for a claim, shared by the editor form, the server action / API route and the CSV import.
import { z } from "zod";
import { ASSESSMENTS, CATEGORIES, METRICS, QUALIFIERS } from "@/lib/domain/vocabularies";
import { dayField } from "./day-field";

const count = (field: string) =>
  z.coerce
    .number({ message: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .min(0, `${field} cannot be negative`)
    .max(10_000_000, `${field} is implausibly large`);

export const ClaimValuesSchema = z
  .object({
    metric: z.enum(METRICS, { message: `metric must be one of ${METRICS.join(", ")}` }),
    category: z.enum(CATEGORIES, { message: `category must be one of ${CATEGORIES.join(", ")}` }),
    subgroup: z
      .string()
      .trim()
      .max(80, "subgroup is at most 80 characters")
      .nullable()
      .default(null)
      .transform((v) => (v ? v : null)),
    valueMin: count("valueMin"),
    valueMax: count("valueMax").nullable().default(null),
    qualifier: z.enum(QUALIFIERS, { message: `qualifier must be one of ${QUALIFIERS.join(", ")}` }),
    statement: z.string().trim().min(3, "statement must quote what the source said").max(5000, "statement is at most 5000 characters"),
    statedOn: dayField("statedOn").nullable().default(null),
    statedOnEnd: dayField("statedOnEnd").nullable().default(null),
  })
  .superRefine((claim, ctx) => {
    if (claim.valueMax !== null && claim.valueMax < claim.valueMin) {
      ctx.addIssue({
        code: "custom",
        path: ["valueMax"],
        message: "valueMax must be at least valueMin",
        params: { code: "max_below_min" },
      });
    }
    const open = claim.valueMax === null;
    if ((claim.qualifier === "at_least" || claim.qualifier === "more_than") && !open) {
      ctx.addIssue({
        code: "custom",
        path: ["valueMax"],
        message: `valueMax must be empty for an open-ended "${claim.qualifier}" claim`,
        params: { code: "max_must_be_empty", qualifier: claim.qualifier },
      });
    }
    if ((claim.qualifier === "exact" || claim.qualifier === "approximately") && claim.valueMax !== claim.valueMin) {
      ctx.addIssue({
        code: "custom",
        path: ["valueMax"],
        message: `valueMax must equal valueMin for an "${claim.qualifier}" claim`,
        params: { code: "max_must_equal_min", qualifier: claim.qualifier },
      });
    }
    if ((claim.qualifier === "range" || claim.qualifier === "at_most") && open) {
      ctx.addIssue({
        code: "custom",
        path: ["valueMax"],
        message: `a "${claim.qualifier}" claim needs valueMax`,
        params: { code: "max_required", qualifier: claim.qualifier },
      });
    }
    if (claim.statedOnEnd && !claim.statedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["statedOn"],
        message: "statedOn is required when statedOnEnd is given",
        params: { code: "required_with_end" },
      });
    }
    if (claim.statedOnEnd && claim.statedOn && claim.statedOnEnd < claim.statedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["statedOnEnd"],
        message: "statedOnEnd must be on or after statedOn",
        params: { code: "date_order" },
      });
    }
  });

export const NewClaimSchema = z.intersection(
  ClaimValuesSchema,
  z.object({
    incidentCode: z.string().min(1, "incidentCode is required"),
    claimantId: z.string().uuid("claimantId must be a source id"),
    documentId: z.string().uuid("documentId must be a document id").nullable().default(null),
  }),
);
export type NewClaimInput = z.input<typeof NewClaimSchema>;

export const SupersedeClaimSchema = z.intersection(
  ClaimValuesSchema,
  z.object({
    claimId: z.string().uuid("claimId must be a claim id"),
    expectedVersion: z.coerce.number().int().min(1),
    documentId: z.string().uuid("documentId must be a document id").nullable().default(null),
  }),
);

export const AssessClaimSchema = z
  .object({
    claimId: z.string().uuid("claimId must be a claim id"),
    expectedVersion: z.coerce.number().int().min(1),
    assessment: z.enum(ASSESSMENTS, { message: `assessment must be one of ${ASSESSMENTS.join(", ")}` }),
    reason: z.string().trim().max(2000).default(""),
  })
  .refine((a) => a.assessment === "credible" || a.assessment === "not_assessed" || a.reason.length >= 3, {
    path: ["reason"],
    message: "reason is required when a claim is judged not credible or a duplicate",
  });

export const RetractClaimSchema = z.object({
  claimId: z.string().uuid("claimId must be a claim id"),
  expectedVersion: z.coerce.number().int().min(1),
  reason: z.string().trim().min(3, "reason must say why the claim is retracted").max(2000),
});

export const DecisionSchema = z
  .object({
    incidentCode: z.string().min(1),
    metric: z.enum(METRICS, { message: `metric must be one of ${METRICS.join(", ")}` }),
    category: z.enum(CATEGORIES, { message: `category must be one of ${CATEGORIES.join(", ")}` }),
    best: count("best"),
    low: count("low").nullable().default(null),
    high: count("high").nullable().default(null),
    rationale: z.string().trim().min(10, "rationale must explain the decision (at least 10 characters)").max(5000),
    /** The version of the decision being replaced, or null when there is none yet. */
    expectedDecisionId: z.string().uuid().nullable().default(null),
  })
  .superRefine((d, ctx) => {
    if (d.low !== null && d.low > d.best) ctx.addIssue({ code: "custom", path: ["low"], message: "low cannot exceed best" });
    if (d.high !== null && d.high < d.best) ctx.addIssue({ code: "custom", path: ["high"], message: "high cannot be below best" });
  });
