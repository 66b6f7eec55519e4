"use client";
import { useActionState, useState, useTransition, type FormEvent } from "react";
import type { FormActionState } from "@/lib/auth/role-guards";
import type { ActionResult } from "@/lib/auth/action-result";
import { createTokenAction, createTokenFormAction, revokeTokenAction } from "./actions";

export type TokenRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

const when = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "never");

function errorOf<T>(result: ActionResult<T>): string | null {
  return result.ok ? null : (Object.values(result.error.fields ?? {})[0]?.[0] ?? result.error.message);
}

export function TokenManager({ tokens }: { tokens: TokenRow[] }) {
  // Posted before hydration, the form goes to the server action; its state carries the new token.
  const [state, formAction] = useActionState<FormActionState, FormData>(createTokenFormAction, null);
  const [clientCreated, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [clientError, setError] = useState<string | null>(null);
  const created = clientCreated ?? (state?.ok && state.done ? { token: state.done, name: "" } : null);
  const error = clientError ?? (state?.error ? (Object.values(state.error.fields ?? {})[0]?.[0] ?? state.error.message) : null);
  const [pending, startTransition] = useTransition();

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    startTransition(async () => {
      const result = await createTokenAction({ name });
      setError(errorOf(result));
      if (result.ok) {
        setCreated({ token: result.data.token, name: result.data.name });
        form.reset();
      }
    });
  }

  function revoke(tokenId: string) {
    startTransition(async () => {
      setError(errorOf(await revokeTokenAction({ tokenId })));
    });
  }

  return (
    <>
      <form className="form" action={formAction} onSubmit={create} style={{ maxWidth: "34rem" }}>
        <label htmlFor="token-name">
          What is the token for?
          <input
            id="token-name"
            name="name"
            required
            minLength={2}
            maxLength={100}
            placeholder="e.g. nightly ACLED import"
            aria-invalid={error !== null}
          />
        </label>
        <button type="submit" disabled={pending}>
          Create token
        </button>
      </form>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      {created ? (
        <div className="form-notice" role="status">
          <p>Your new token{created.name ? ` “${created.name}”` : ""}. Copy it now: it will not be shown again.</p>
          <p>
            <label htmlFor="new-token">Token</label>{" "}
            <input id="new-token" readOnly value={created.token} size={60} onFocus={(e) => e.currentTarget.select()} />
          </p>
        </div>
      ) : null}
      <h2>Your tokens</h2>
      {tokens.length === 0 ? (
        <p className="empty">No tokens yet.</p>
      ) : (
        <table className="figures">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{when(t.createdAt)}</td>
                <td>{when(t.lastUsedAt)}</td>
                <td>
                  {t.revokedAt ? (
                    `revoked ${when(t.revokedAt)}`
                  ) : (
                    <button
                      type="button"
                      className="button secondary"
                      disabled={pending}
                      onClick={() => revoke(t.id)}
                      aria-label={`Revoke ${t.name}`}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
