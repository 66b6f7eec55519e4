// What proxy.ts answers while PostgreSQL is unreachable: 503 with Retry-After, JSON for APIs and
// a short page for people, instead of the 500 every request would otherwise meet.
import { NextResponse, type NextRequest } from "next/server";
import { databaseIsUp } from "@/lib/db/database-availability";
import { RETRY_AFTER_SECONDS, unavailableMessage } from "@/lib/db/database-unavailable";

/** Answer without the database: the load balancer's probe, and the icon. */
const WITHOUT_DATABASE = new Set(["/api/health", "/icon.svg"]);

const text = {
  title: "Database unavailable · Triangulate",
  heading: "The database is unavailable",
  body: unavailableMessage,
  retry: "Try again",
};

function page(pathWithQuery: string): string {
  const href = pathWithQuery.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text.title}</title></head><body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem"><h1>${text.heading}</h1><p>${text.body}</p><p><a href="${href}">${text.retry}</a></p></body></html>`;
}

/** The 503 to send when the database does not answer (asked at most once a second); null when it does. */
export async function answerWhileDatabaseDown(request: NextRequest): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  if (WITHOUT_DATABASE.has(pathname)) return null;
  // An unexpected failure of the check itself is left to the request (and its own error handling).
  if (await databaseIsUp().catch(() => true)) return null;
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "database_unavailable", message: unavailableMessage } }, { status: 503, headers });
  }
  return new NextResponse(page(`${pathname}${search}`), {
    status: 503,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
  });
}
