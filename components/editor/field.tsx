// A labelled input whose error message sits next to it and is announced with it.
import type { ReactNode } from "react";
import { messagesFor, type FieldErrors } from "./submit-json";

export function Field({ name, label, errors, children, hint }: { name: string; label: string; errors: FieldErrors; children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode; hint?: string }) {
  const messages = messagesFor(errors, name);
  const id = `field-${name}`;
  const describedBy = [messages.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <label htmlFor={id}>
      {label}
      {children({ id, "aria-invalid": messages.length > 0, "aria-describedby": describedBy })}
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
