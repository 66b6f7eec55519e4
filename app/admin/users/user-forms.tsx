"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useRef, useState, type FormEvent } from "react";
import { shownErrors, useFocusFirstError } from "@/components/editor/use-form-errors";
import type { FormActionState } from "@/lib/auth/role-guards";
import { createUserFormAction } from "./actions";
import { Field } from "@/components/editor/field";
import { submitJson, type FieldErrors } from "@/components/editor/submit-json";
import { USER_ROLES } from "@/lib/domain/vocabularies";

export function UserRoleControl({ userId, email, role, disabled }: { userId: string; email: string; role: string; disabled: boolean }) {
  const t = useTranslations("users");
  const vocabulary = useTranslations("vocabulary");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function change(body: { role?: string; disabled?: boolean }) {
    const outcome = await submitJson(`/api/admin/users/${userId}`, "PATCH", body);
    if (outcome.ok) {
      setError(null);
      router.refresh();
    } else setError(outcome.message);
  }
  return (
    <span className="row-actions">
      <label>
        <span className="visually-hidden">{t("roleOf", { email })}</span>
        <select aria-label={t("roleOf", { email })} value={role} onChange={(e) => change({ role: e.target.value })}>
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {vocabulary(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="link-button" onClick={() => change({ disabled: !disabled })}>
        {t(disabled ? "enable" : "disable", { email })}
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}

export function NewUserForm() {
  const t = useTranslations("users");
  const vocabulary = useTranslations("vocabulary");
  const router = useRouter();
  const empty = { email: "", name: "", role: "viewer", password: "" };
  // Hydrated: JSON to the API. Posted before hydration: the server action, whose state shows the outcome.
  const [state, formAction] = useActionState<FormActionState, FormData>(createUserFormAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => ({ ...empty, ...state?.values, password: "" }));
  const [clientErrors, setErrors] = useState<FieldErrors>({});
  const [clientMessage, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { fields: errors, summary: message } = shownErrors(clientErrors, clientMessage, state);
  useFocusFirstError(formRef, errors);
  const shownDone = done ?? (state?.ok ? (state.done ?? null) : null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await submitJson("/api/admin/users", "POST", values);
    if (outcome.ok) {
      setDone(t("created", { email: values.email }));
      setValues(empty);
      setErrors({});
      setMessage(null);
      router.refresh();
    } else {
      setDone(null);
      setErrors(outcome.fields);
      setMessage(outcome.message);
    }
  }
  return (
    <form ref={formRef} action={formAction} onSubmit={submit} className="form" noValidate aria-label={t("newUser")}>
      <h2>{t("newUser")}</h2>
      {message ? (
        <p role="alert" className="form-error">
          {message}
        </p>
      ) : null}
      {shownDone ? <p role="status">{shownDone}</p> : null}
      <div className="form-grid">
        <Field name="email" label={t("fields.email")} errors={errors}>
          {(p) => <input {...p} type="email" value={values.email} onChange={(e) => setValues({ ...values, email: e.target.value })} />}
        </Field>
        <Field name="name" label={t("fields.name")} errors={errors}>
          {(p) => <input {...p} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />}
        </Field>
        <Field name="role" label={t("fields.role")} errors={errors}>
          {(p) => (
            <select {...p} value={values.role} onChange={(e) => setValues({ ...values, role: e.target.value })}>
              {USER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {vocabulary(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="password" label={t("fields.password")} errors={errors} hint={t("fields.passwordHint")}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={values.password}
              onChange={(e) => setValues({ ...values, password: e.target.value })}
            />
          )}
        </Field>
      </div>
      <button type="submit">{t("create")}</button>
    </form>
  );
}
