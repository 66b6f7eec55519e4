"use server";
// Saving the figures of one statement as a server action, so the form also works when it is
// posted before the page has hydrated (the hydrated form sends the same claims to /api/claims).
import { editorFormAction } from "@/lib/auth/role-guards";
import { addClaims } from "@/lib/claims/claim-commands";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { blankToNull, blankToUndefined, formValues, type FormValue } from "@/lib/forms/form-values";

export const addClaimsFormAction = editorFormAction(async (user, form) => {
  const v = formValues(form);
  const incidentCode = String(v.incidentCode ?? "");
  const rows = (Array.isArray(v.row) ? (v.row as Record<string, FormValue>[]) : []).filter((row) => row && row.include === "on");
  if (rows.length === 0) throw new AppError(400, "Add at least one figure to save.", "no_figures");
  const claims = rows.map((row) => ({
    incidentCode,
    claimantId: v.claimantId,
    documentId: blankToNull(v.documentId),
    statement: v.statement,
    statedOn: blankToNull(v.statedOn),
    statedOnEnd: blankToNull(v.statedOnEnd),
    metric: row.metric,
    category: row.category,
    subgroup: blankToNull(row.subgroup),
    valueMin: blankToUndefined(row.valueMin),
    valueMax: blankToNull(row.valueMax),
    qualifier: row.qualifier,
  }));
  await addClaims(db, claims as never, user.id);
  return { redirectTo: `/incidents/${incidentCode}` };
});
