// Random bearer secrets (session cookies, API tokens). Only a SHA-256 of each is stored, so a
// database leak does not hand out live sessions.
import "server-only";
import { createHash, randomBytes } from "node:crypto";

export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

export function secretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
