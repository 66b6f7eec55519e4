"use server";
// Assess, retract, supersede and decide as server actions, so these forms also work when posted
// before the page has hydrated (the hydrated forms send the same values to the API routes).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { editorFormAction } from "@/lib/auth/role-guards";
import { assessClaim, recordDecision, retractClaim, supersedeClaim } from "@/lib/claims/claim-commands";
import { db } from "@/lib/db";
import { blankToNull, blankToUndefined, formValues } from "@/lib/forms/form-values";

const reviewPage = () => revalidatePath("/incidents/[code]/review", "page");
/** What the form shows once saved, in the request's language. */
const done = async (key: "assessed" | "retracted" | "superseded" | "decided") => ({
  done: (await getTranslations("review"))(`done.${key}`),
});

export const assessClaimFormAction = editorFormAction(async (user, form) => {
  await assessClaim(db, formValues(form) as never, user.id);
  reviewPage();
  return done("assessed");
});

export const retractClaimFormAction = editorFormAction(async (user, form) => {
  await retractClaim(db, formValues(form) as never, user.id);
  reviewPage();
  return done("retracted");
});

export const supersedeClaimFormAction = editorFormAction(async (user, form) => {
  const v = formValues(form);
  await supersedeClaim(
    db,
    {
      ...v,
      subgroup: blankToNull(v.subgroup),
      valueMin: blankToUndefined(v.valueMin),
      valueMax: blankToNull(v.valueMax),
      statedOn: blankToNull(v.statedOn),
    } as never,
    user.id,
  );
  reviewPage();
  return done("superseded");
});

export const recordDecisionFormAction = editorFormAction(async (user, form) => {
  const v = formValues(form);
  await recordDecision(
    db,
    {
      ...v,
      best: blankToUndefined(v.best),
      low: blankToNull(v.low),
      high: blankToNull(v.high),
      expectedDecisionId: blankToNull(v.expectedDecisionId),
    } as never,
    user.id,
  );
  reviewPage();
  return done("decided");
});
