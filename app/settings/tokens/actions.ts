"use server";
// Editors create and revoke their own API tokens (for scripted imports: Authorization: Bearer …).
// A token is shown once, when created; only its SHA-256 is stored.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { editorAction, editorFormAction } from "@/lib/auth/role-guards";
import { createApiToken } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";

const TokenNameSchema = z.object({
  name: z.string().trim().min(2, "name must say what the token is for (at least 2 characters)").max(100, "name is at most 100 characters"),
});
const TokenIdSchema = z.object({ tokenId: z.string().uuid("tokenId must be a token id") });

export const createTokenAction = editorAction(async (user, input: { name: string }) => {
  const { name } = TokenNameSchema.parse(input);
  const { token, row } = await createApiToken(db, user.id, name);
  await db.$transaction((tx) =>
    audit(tx, {
      actorId: user.id,
      action: "api_token.create",
      entityType: "ApiToken",
      entityId: row.id,
      after: { name: row.name, prefix: row.prefix },
    }),
  );
  revalidatePath("/settings/tokens");
  return { token, id: row.id, name: row.name, prefix: row.prefix };
});

export const revokeTokenAction = editorAction(async (user, input: { tokenId: string }) => {
  const { tokenId } = TokenIdSchema.parse(input);
  return db.$transaction(async (tx) => {
    // Only the owner revokes a token: another editor's token is not even acknowledged.
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: user.id } });
    if (!token) throw new NotFoundError("The token");
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt.toISOString() };
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await audit(tx, {
      actorId: user.id,
      action: "api_token.revoke",
      entityType: "ApiToken",
      entityId: token.id,
      before: { revokedAt: null },
      after: { name: token.name, prefix: token.prefix, revokedAt: revoked.revokedAt },
    });
    revalidatePath("/settings/tokens");
    return { id: token.id, revokedAt: revoked.revokedAt!.toISOString() };
  });
});

/** The same, for the form posted before the page has hydrated: the new token comes back in the state. */
export const createTokenFormAction = editorFormAction(async (_user, form) => {
  const result = await createTokenAction({ name: String(form.get("name") ?? "") });
  if (!result.ok) throw new AppError(result.error.status, result.error.message, result.error.code, result.error.fields);
  return { done: result.data.token };
});
