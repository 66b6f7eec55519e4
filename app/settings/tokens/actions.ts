"use server";
// Editors create and revoke their own API tokens (for scripted imports: Authorization: Bearer …).
// A token is shown once, when created; only its SHA-256 is stored.
import { revalidatePath } from "next/cache";
import { editorAction, editorFormAction } from "@/lib/auth/role-guards";
import { createTokenForUser, revokeTokenOfUser } from "@/lib/auth/token-commands";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const createTokenAction = editorAction(async (user, input: { name: string }) => {
  const created = await createTokenForUser(db, user.id, input);
  revalidatePath("/settings/tokens");
  return created;
});

export const revokeTokenAction = editorAction(async (user, input: { tokenId: string }) => {
  const revoked = await revokeTokenOfUser(db, user.id, input);
  revalidatePath("/settings/tokens");
  return revoked;
});

/** The same, for the form posted before the page has hydrated: the new token comes back in the state. */
export const createTokenFormAction = editorFormAction(async (_user, form) => {
  const result = await createTokenAction({ name: String(form.get("name") ?? "") });
  if (!result.ok) throw new AppError(result.error.status, result.error.message, result.error.code, result.error.fields);
  return { done: result.data.token };
});
