// Test accounts, created the way an operator would: with `npm run user:create` against the
// running app's database (found through the e2e data folder).
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";

export type Role = "viewer" | "editor" | "admin";
export const PASSWORD = "e2e-password-not-secret";
const created = new Set<string>();

export function emailFor(role: Role, suffix = "") {
  return `${role}${suffix}@e2e.triangulate.test`;
}

export function ensureUser(role: Role, suffix = ""): { email: string; password: string } {
  const email = emailFor(role, suffix);
  if (!created.has(email)) {
    try {
      execFileSync(
        path.resolve("node_modules/.bin/tsx"),
        ["--conditions=react-server", "scripts/user-create.ts", "--email", email, "--role", role, "--password", PASSWORD],
        {
          env: { ...process.env, DATABASE_URL: "", TRIANGULATE_DATA_DIR: path.resolve("tests", ".tmp", "e2e-data") },
          stdio: "pipe",
        },
      );
    } catch (error) {
      const output = String((error as { stderr?: Buffer }).stderr ?? error);
      if (!output.includes("already exists")) throw error;
    }
    created.add(email);
  }
  return { email, password: PASSWORD };
}

/** Signs in through the API; the cookie lands in the request context (shared with its page). */
export async function signIn(request: APIRequestContext, role: Role, suffix = "") {
  const { email, password } = ensureUser(role, suffix);
  const response = await request.post("/api/auth/login", { data: { email, password } });
  if (!response.ok()) throw new Error(`sign-in as ${role} failed: ${response.status()} ${await response.text()}`);
}

export async function signInPage(page: Page, role: Role, suffix = "") {
  await signIn(page.context().request, role, suffix);
}
