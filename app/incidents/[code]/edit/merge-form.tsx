"use client";
// Merge this incident into another (a duplicate found late): its claims, actors and history move
// to the surviving incident, and this code will redirect there. A server action form: it works
// before hydration too; the tick box stands in for a confirmation dialog.
import { useActionState, useRef } from "react";
import { mergeIncidentFormAction } from "@/app/incidents/incident-actions";
import { Field } from "@/components/editor/field";
import { shownErrors, useFocusFirstError } from "@/components/editor/use-form-errors";
import type { FormActionState } from "@/lib/auth/role-guards";

export function MergeForm({ code, version }: { code: string; version: number }) {
  const [state, formAction, pending] = useActionState<FormActionState, FormData>(mergeIncidentFormAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const { fields, summary } = shownErrors({}, null, state);
  useFocusFirstError(formRef, fields);
  return (
    <form ref={formRef} action={formAction} className="form" noValidate aria-label="Merge into another incident">
      <h2>Merge into another incident</h2>
      <p className="meta">Use this when {code} turns out to be a duplicate. Nothing is deleted.</p>
      {summary ? (
        <p role="alert" className="form-error">
          {summary}
        </p>
      ) : null}
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Field name="targetCode" label="Code of the incident to keep" errors={fields}>
        {(p) => <input {...p} defaultValue={state?.values?.targetCode} placeholder="MLI-2025-0001" />}
      </Field>
      <label className="inline">
        <input
          type="checkbox"
          name="confirm"
          required
          aria-invalid={Boolean(fields.confirm)}
          aria-describedby={fields.confirm ? "merge-confirm-error" : undefined}
        />{" "}
        Yes: move {code}’s claims there and make {code} redirect to it
      </label>
      {fields.confirm ? (
        <span id="merge-confirm-error" className="field-error">
          Tick this box to confirm the merge.
        </span>
      ) : null}
      <button type="submit" disabled={pending}>
        {pending ? "Merging…" : "Merge"}
      </button>
    </form>
  );
}
