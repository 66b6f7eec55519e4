"use client";
// What a form shows after a save failed: the errors of the hydrated (JSON) save, or else those of
// a save posted before hydration (a server action's state); and focus on the first field in error.
import { useEffect, type RefObject } from "react";
import type { FormActionState } from "@/lib/auth/role-guards";
import { formSummary } from "@/lib/forms/field-messages";
import { formErrorMessage, formSummaryText } from "@/lib/forms/validation-messages";
import type { I18n } from "@/lib/i18n/i18n";
import type { FieldErrors, FieldIssues } from "./submit-json";

/** A form-level error the page shows: its code (to word known ones) and the server's English. */
export type FormMessage = { code?: string; message: string } | null;

/**
 * With `i18n` the summary and the known form errors are in the reader's language (the field
 * messages are worded by Field from `issues`); without it, the server's English as before.
 * `clientMessage` is a string (the server's words) or a FormMessage (with its code).
 */
export function shownErrors(
  clientErrors: FieldErrors,
  clientMessage: string | FormMessage,
  state: FormActionState,
  i18n?: I18n,
  clientIssues: FieldIssues = {},
) {
  const useClient = Object.keys(clientErrors).length > 0 || clientMessage !== null;
  const fields = useClient ? clientErrors : (state?.error?.fields ?? {});
  const issues = useClient ? clientIssues : (state?.error?.issues ?? {});
  const error: FormMessage = useClient
    ? typeof clientMessage === "string"
      ? { message: clientMessage }
      : clientMessage
    : state?.error
      ? { code: state.error.code, message: state.error.message }
      : null;
  const message = i18n ? formErrorMessage(i18n, error) : (error?.message ?? null);
  return { fields, issues, message, summary: i18n ? formSummaryText(i18n, fields, message) : formSummary(fields, message) };
}

/** Moves focus to the first field marked invalid whenever a new set of errors arrives. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, errors: FieldErrors) {
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, errors]);
}
