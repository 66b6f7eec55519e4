// For load balancers and monitoring: 200 when this server and its database answer, 503 (with
// Retry-After) when PostgreSQL does not. No sign-in (proxy.ts lets it through); one SELECT 1.
import { checkDatabase } from "@/lib/db/database-availability";
import { RETRY_AFTER_SECONDS } from "@/lib/db/database-unavailable";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase().catch(() => ({ up: false, latencyMs: 0 }));
  const body = {
    status: database.up ? "ok" : "unavailable",
    app: "ok",
    database: { status: database.up ? "ok" : "unavailable", latencyMs: database.latencyMs },
  };
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (!database.up) headers["Retry-After"] = String(RETRY_AFTER_SECONDS);
  return Response.json(body, { status: database.up ? 200 : 503, headers });
}
