"use client";
// A server action form: pressed before hydration it still posts (the password never lands in a URL).
import { useActionState } from "react";
import type { FormActionState } from "@/lib/auth/role-guards";
import { signInAction } from "./actions";

export function LoginForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState<FormActionState, FormData>(signInAction, null);
  const fields = state?.error?.fields ?? {};
  const error = state?.error
    ? (Object.values(fields)[0]?.[0]
        ?.replace(/^email/, "Email")
        .replace(/^password/, "Password") ?? state.error.message)
    : null;
  return (
    <form action={formAction} className="form" noValidate aria-label="Sign in">
      <input type="hidden" name="next" value={next} />
      <label>
        Email
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
        Password
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
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
