// Reads of the API tokens page.
import "server-only";
import { db } from "@/lib/db";

/** A user's API tokens, newest first. */
export function apiTokensOf(userId: string) {
  return db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
}
