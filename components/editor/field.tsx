// A labelled input whose error message sits next to it, in the label's words and the reader's
// language (from `issues`, what each problem is; else the server's English), announced with it.
import type { ReactNode } from "react";
import { fieldMessages } from "@/lib/forms/validation-messages";
import { useI18n } from "@/lib/i18n/use-i18n";
import type { FieldErrors, FieldIssues } from "./submit-json";

export type FieldProps = { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string };

/** `idPrefix` keeps ids unique when two forms on a page have a field of the same name (a source's and a document's URL). */
export function Field({
  name,
  label,
  errors,
  children,
  hint,
  idPrefix = "field",
  issues,
}: {
  name: string;
  label: string;
  errors: FieldErrors;
  children: (props: FieldProps) => ReactNode;
  hint?: string;
  idPrefix?: string;
  /** What each message in `errors` is (by the same keys), to word it from the `validation` catalogue. */
  issues?: FieldIssues;
}) {
  const i18n = useI18n();
  const messages = fieldMessages(i18n, errors, issues, name, label.replace(/\s*\(.*\)$/, ""));
  const id = `${idPrefix}-${name}`;
  const describedBy = [messages.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <label htmlFor={id}>
      {label}
      {children({ id, name, "aria-invalid": messages.length > 0, "aria-describedby": describedBy })}
      {hint ? (
        <span id={`${id}-hint`} className="meta">
          {hint}
        </span>
      ) : null}
      {messages.length ? (
        <span id={`${id}-error`} className="field-error">
          {messages.join(" ")}
        </span>
      ) : null}
    </label>
  );
}
