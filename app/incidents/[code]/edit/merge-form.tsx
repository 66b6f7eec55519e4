"use client";
// Merge this incident into another (a duplicate found late): its claims, actors and history move
// to the surviving incident, and this code will redirect there. A server action form: it works
// before hydration too; the tick box stands in for a confirmation dialog.
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { mergeIncidentFormAction } from "@/app/incidents/incident-actions";
import { Field } from "@/components/editor/field";
import { shownErrors, useFocusFirstError } from "@/components/editor/use-form-errors";
import type { FormActionState } from "@/lib/auth/role-guards";
import { useI18n } from "@/lib/i18n/use-i18n";

export function MergeForm({ code, version }: { code: string; version: number }) {
  const [state, formAction, pending] = useActionState<FormActionState, FormData>(mergeIncidentFormAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const t = useTranslations("forms.merge");
  const f = useTranslations("fields");
  const { fields, issues, summary } = shownErrors({}, null, state, useI18n());
  useFocusFirstError(formRef, fields);
  return (
    <form ref={formRef} action={formAction} className="form" noValidate aria-label={t("heading")}>
      <h2>{t("heading")}</h2>
      <p className="meta">{t("lede", { code })}</p>
      {summary ? (
        <p role="alert" className="form-error">
          {summary}
        </p>
      ) : null}
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Field name="targetCode" label={f("targetCode")} errors={fields} issues={issues}>
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
        {t("confirm", { code })}
      </label>
      {fields.confirm ? (
        <span id="merge-confirm-error" className="field-error">
          {t("confirmError")}
        </span>
      ) : null}
      <button type="submit" disabled={pending}>
        {pending ? t("merging") : t("merge")}
      </button>
    </form>
  );
}
