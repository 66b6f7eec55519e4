// The app's environment, validated once. scripts/serve.ts sets DATABASE_URL to the embedded
// PostgreSQL when the user has not set one, so inside the app it is always present.
import "server-only";
import { z } from "zod";
import { parseTrustProxy } from "@/lib/http/client-address.mjs";

const EnvSchema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PG_POOL_MAX: z.coerce.number().int().positive().default(10),
  /** Optional raster tile layer for the map, e.g. https://tile.example.org/{z}/{x}/{y}.png. Off by default (offline basemap). */
  MAP_TILE_URL: z.string().optional(),
  MAP_TILE_ATTRIBUTION: z.string().optional(),
  /** "true" makes every page and read API require sign-in. Off by default: reading is public. */
  REQUIRE_LOGIN: z
    .enum(["true", "false"], { message: "REQUIRE_LOGIN must be true or false" })
    .default("false")
    .transform((v) => v === "true"),
  /** Imports touching more incidents than this commit first and leave the figures to the background worker (lib/figures/figure-queue.ts). */
  IMPORT_QUEUE_FIGURES_ABOVE: z.coerce.number({ message: "IMPORT_QUEUE_FIGURES_ABOVE must be a whole number" }).int().min(0).default(5_000),
  /**
   * Origins besides the app's own that may send state-changing requests (lib/http/csrf.ts), comma
   * separated: the public address when a proxy in front changes the Host, e.g. https://triangulate.example.org.
   */
  TRUSTED_ORIGINS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const origins: string[] = [];
      for (const item of value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean)) {
        let url: URL | null = null;
        try {
          url = new URL(item);
        } catch {}
        if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash || url.username) {
          ctx.addIssue({
            code: "custom",
            message: `TRUSTED_ORIGINS: "${item}" is not an origin like https://triangulate.example.org (scheme, host and port only)`,
          });
          return z.NEVER;
        }
        origins.push(url.origin);
      }
      return origins;
    }),
  /** Which proxy header carries the client's address for the login limits, e.g. x-forwarded-for or x-forwarded-for:2 (README "Security"). Unset: the socket's. */
  TRUST_PROXY: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  /** Session cookies are Secure in production unless this says otherwise (e.g. plain-HTTP intranet). */
  SECURE_COOKIES: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` (it starts the embedded PostgreSQL) or set DATABASE_URL.");
  return url;
}

/** Whether cookies are Secure, i.e. the app is served over HTTPS (HSTS follows it: lib/http/security-headers.ts). */
export function secureCookies(): boolean {
  return env().SECURE_COOKIES ?? env().NODE_ENV === "production";
}
