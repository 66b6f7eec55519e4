"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition, type FormEvent } from "react";
import type { FormActionState } from "@/lib/auth/role-guards";
import type { ActionResult } from "@/lib/auth/action-result";
import { createTokenAction, createTokenFormAction, revokeTokenAction } from "./actions";

export type TokenRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** "2026-11-22 00:17 UTC": the same in every language. */
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

function errorOf<T>(result: ActionResult<T>): string | null {
  return result.ok ? null : (Object.values(result.error.fields ?? {})[0]?.[0] ?? result.error.message);
}

export function TokenManager({ tokens }: { tokens: TokenRow[] }) {
  const t = useTranslations("tokens");
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
          {t("nameLabel")}
          <input
            id="token-name"
            name="name"
            required
            minLength={2}
            maxLength={100}
            placeholder={t("namePlaceholder")}
            aria-invalid={error !== null}
          />
        </label>
        <button type="submit" disabled={pending}>
          {t("create")}
        </button>
      </form>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      {created ? (
        <div className="form-notice" role="status">
          <p>{created.name ? t("createdNamed", { name: created.name }) : t("created")}</p>
          <p>
            <label htmlFor="new-token">{t("token")}</label>{" "}
            <input id="new-token" readOnly value={created.token} size={60} onFocus={(e) => e.currentTarget.select()} />
          </p>
        </div>
      ) : null}
      <h2>{t("yours")}</h2>
      {tokens.length === 0 ? (
        <p className="empty">{t("none")}</p>
      ) : (
        <table className="figures">
          <thead>
            <tr>
              <th scope="col">{t("columns.name")}</th>
              <th scope="col">{t("columns.prefix")}</th>
              <th scope="col">{t("columns.created")}</th>
              <th scope="col">{t("columns.lastUsed")}</th>
              <th scope="col">{t("columns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{when(token.createdAt)}</td>
                <td>{token.lastUsedAt ? when(token.lastUsedAt) : t("never")}</td>
                <td>
                  {token.revokedAt ? (
                    t("revoked", { when: when(token.revokedAt) })
                  ) : (
                    <button
                      type="button"
                      className="button secondary"
                      disabled={pending}
                      onClick={() => revoke(token.id)}
                      aria-label={t("revokeNamed", { name: token.name })}
                    >
                      {t("revoke")}
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
