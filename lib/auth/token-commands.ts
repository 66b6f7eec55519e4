// Creating and revoking an editor's own API tokens, each with its audit event. A token is shown
// once, when created; only its SHA-256 is stored (lib/auth/session-store.ts).
import "server-only";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { Db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { TokenIdSchema, TokenNameSchema } from "@/lib/validation/api-token";
import { createApiToken } from "./session-store";

export async function createTokenForUser(db: Db, userId: string, input: z.input<typeof TokenNameSchema>) {
  const { name } = TokenNameSchema.parse(input);
  const { token, row } = await createApiToken(db, userId, name);
  await db.$transaction((tx) =>
    audit(tx, {
      actorId: userId,
      action: "api_token.create",
      entityType: "ApiToken",
      entityId: row.id,
      after: { name: row.name, prefix: row.prefix },
    }),
  );
  return { token, id: row.id, name: row.name, prefix: row.prefix };
}

/** Only the owner revokes a token: another editor's token is not even acknowledged. */
export async function revokeTokenOfUser(db: Db, userId: string, input: z.input<typeof TokenIdSchema>) {
  const { tokenId } = TokenIdSchema.parse(input);
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId } });
    if (!token) throw new NotFoundError("The token");
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt.toISOString() };
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await audit(tx, {
      actorId: userId,
      action: "api_token.revoke",
      entityType: "ApiToken",
      entityId: token.id,
      before: { revokedAt: null },
      after: { name: token.name, prefix: token.prefix, revokedAt: revoked.revokedAt },
    });
    return { id: token.id, revokedAt: revoked.revokedAt!.toISOString() };
  });
}
