"use client";
// What a form shows after a save failed: the errors of the hydrated (JSON) save, or else those of
// a save posted before hydration (a server action's state); and focus on the first field in error.
import { useEffect, type RefObject } from "react";
import type { FormActionState } from "@/lib/auth/role-guards";
import { formSummary } from "@/lib/forms/field-messages";
import type { FieldErrors } from "./submit-json";

export function shownErrors(clientErrors: FieldErrors, clientMessage: string | null, state: FormActionState) {
  const useClient = Object.keys(clientErrors).length > 0 || clientMessage !== null;
  const fields = useClient ? clientErrors : (state?.error?.fields ?? {});
  const message = useClient ? clientMessage : (state?.error?.message ?? null);
  return { fields, message, summary: formSummary(fields, message) };
}

/** Moves focus to the first field marked invalid whenever a new set of errors arrives. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, errors: FieldErrors) {
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, errors]);
}
