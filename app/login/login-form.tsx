"use client";
// A server action form: pressed before hydration it still posts (the password never lands in a URL).
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormActionState } from "@/lib/auth/role-guards";
import { formErrorMessage, validationMessage } from "@/lib/forms/validation-messages";
import { useI18n } from "@/lib/i18n/use-i18n";
import { signInAction } from "./actions";

export function LoginForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState<FormActionState, FormData>(signInAction, null);
  const t = useTranslations("login");
  const f = useTranslations("fields");
  const i18n = useI18n();
  const fields = state?.error?.fields ?? {};
  // The first field problem in the field's words ("Email must be an email address"), else the form's error.
  const [field, messages] = Object.entries(fields)[0] ?? [];
  const error = state?.error
    ? field && messages?.[0]
      ? validationMessage(
          i18n,
          field,
          state.error.issues?.[field]?.[0],
          messages[0],
          field === "email" ? f("email") : field === "password" ? f("password") : field,
        )
      : formErrorMessage(i18n, state.error)
    : null;
  return (
    <form action={formAction} className="form" noValidate aria-label={t("formLabel")}>
      <input type="hidden" name="next" value={next} />
      <label>
        {f("email")}
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state?.values?.email}
          aria-invalid={Boolean(state?.error)}
          aria-describedby={error ? "login-error" : undefined}
        />
      </label>
      <label>
        {f("password")}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(state?.error)}
          aria-describedby={error ? "login-error" : undefined}
        />
      </label>
      {error ? (
        <p role="alert" className="form-error" id="login-error">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
