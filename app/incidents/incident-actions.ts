"use server";
// Incident saves as server actions, so the editor's form also works when it is posted before the
// page has hydrated (the hydrated form sends the same values to the API route).
import { editorFormAction } from "@/lib/auth/role-guards";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { blankToUndefined, formValues, type FormValue } from "@/lib/forms/form-values";
import { createIncident, mergeIncidents, updateIncident } from "@/lib/incidents/incident-commands";

/** The form's strings as the incident schema reads them: empty coordinates are "not given", not 0. */
function incidentInput(form: FormData) {
  const v = formValues(form);
  const actors = Array.isArray(v.actors)
    ? (v.actors as Record<string, FormValue>[]).filter((a) => typeof a.name === "string" && a.name.trim())
    : [];
  return { ...v, latitude: blankToUndefined(v.latitude), longitude: blankToUndefined(v.longitude), actors } as never;
}

export const createIncidentFormAction = editorFormAction(async (user, form) => {
  const incident = await createIncident(db, incidentInput(form), user.id);
  return { redirectTo: `/incidents/${incident.code}` };
});

export const updateIncidentFormAction = editorFormAction(async (user, form) => {
  const code = String(form.get("code") ?? "");
  const incident = await updateIncident(
    db,
    code,
    { ...(incidentInput(form) as object), expectedVersion: form.get("expectedVersion") } as never,
    user.id,
  );
  return { redirectTo: `/incidents/${incident.code}` };
});

export const mergeIncidentFormAction = editorFormAction(async (user, form) => {
  const code = String(form.get("code") ?? "");
  if (form.get("confirm") !== "on")
    throw Object.assign(
      new AppError(400, "Tick the box to confirm the merge.", "invalid", { confirm: ["tick this box to confirm the merge"] }),
      { issues: { confirm: [{ code: "custom", rule: "confirm" }] } },
    );
  const targetCode = String(form.get("targetCode") ?? "")
    .trim()
    .toUpperCase();
  const target = targetCode ? await db.incident.findUnique({ where: { code: targetCode }, select: { version: true } }) : null;
  if (!target)
    throw Object.assign(
      new AppError(404, `No incident ${targetCode || "with that code"}.`, "not_found", {
        targetCode: [`no incident ${targetCode || "with that code"}`],
      }),
      // The form words it in its reader's language ("none": no code was typed).
      { issues: { targetCode: [{ code: "custom", rule: "no_incident", values: { code: targetCode || "none" } }] } },
    );
  const result = await mergeIncidents(
    db,
    code,
    { targetCode, expectedVersion: form.get("expectedVersion") as string, targetExpectedVersion: target.version },
    user.id,
  );
  return { redirectTo: `/incidents/${result.target.code}` };
});
