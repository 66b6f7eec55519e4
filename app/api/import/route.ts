// POST /api/import (editors; session cookie or `Authorization: Bearer <API token>`).
// Body: multipart/form-data with `file`, `format`, optional `validOnly`; or the CSV itself
// (text/csv) with ?format=acled|ucdp|claims&validOnly=1&fileName=… in the query.
// Answer: the import summary as JSON — 200 when imported, 422 when refused (invalid rows,
// nothing written). With `Accept: application/x-ndjson` the answer streams progress lines
// {"type":"progress",…} and ends with {"type":"result","status":…,"summary":…}.
// The upload page's form posted by the browser itself (before hydration, or without JavaScript)
// gets no JSON: a 303 to /import?report=<id>, where the page shows the same answer.
import { withRole } from "@/lib/auth/role-guards";
import { currentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { errorResponse, toAppError } from "@/lib/errors";
import { csrfRefusal } from "@/lib/http/csrf";
import { readImportRequest, runImportRequest, summaryBody } from "@/lib/import/import-request";
import { saveImportReport, type ImportReportAnswer } from "@/lib/import/form-post-report";
import type { ImportProgress } from "@/lib/import/import-types";

export const dynamic = "force-dynamic";
// Large files take a while: allow the function to run (on hosts that limit it).
export const maxDuration = 3600;

const statusOf = (imported: boolean, dryRun: boolean, errors: number) => (imported || (dryRun && errors === 0) ? 200 : 422);

const apiPost = withRole("editor", async (user, request) => {
  // This route is outside proxy.ts (see its matcher): withRole runs the cross-origin check (lib/http/csrf.ts).
  const input = await readImportRequest(request);
  if (!(request.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    const summary = await runImportRequest(db, input, user.id);
    return Response.json(summaryBody(summary), { status: statusOf(summary.imported, summary.dryRun, summary.errors.length) });
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      let lastSent = 0;
      let lastPhase = "";
      const onProgress = (p: ImportProgress) => {
        // A line per phase change and at most five a second otherwise.
        const now = Date.now();
        if (p.phase === lastPhase && now - lastSent < 200) return;
        lastPhase = p.phase;
        lastSent = now;
        send({ type: "progress", ...p });
      };
      runImportRequest(db, input, user.id, onProgress)
        .then((summary) =>
          send({
            type: "result",
            status: statusOf(summary.imported, summary.dryRun, summary.errors.length),
            summary: summaryBody(summary),
          }),
        )
        .catch((error: unknown) => {
          const expected = toAppError(error);
          if (!expected) console.error(error);
          send({
            type: "error",
            status: expected?.status ?? 500,
            code: expected?.code ?? "internal",
            message: expected?.message ?? "Something went wrong on our side. It has been logged.",
            issues: expected?.issues,
          });
        })
        .finally(() => controller.close());
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
});

export async function POST(request: Request, context: unknown): Promise<Response> {
  return postedByBrowserForm(request) ? formPost(request) : apiPost(request, context);
}

/**
 * A browser submitting the page's form itself asks for a document (a navigation); the page's
 * script asks for NDJSON and scripts for JSON (their Accept never names text/html).
 */
function postedByBrowserForm(request: Request): boolean {
  if (request.headers.get("authorization")) return false;
  const accept = request.headers.get("accept") ?? "";
  return request.headers.get("sec-fetch-mode") === "navigate" || (accept.includes("text/html") && !accept.includes("ndjson"));
}

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });

async function formPost(request: Request): Promise<Response> {
  const refused = csrfRefusal(request);
  if (refused) return refused;
  try {
    const user = await currentUser();
    // Signed out meanwhile: sign in and come back to the form (the file must be chosen again).
    if (!user) return seeOther("/login?next=%2Fimport");
    // The page explains the refusal in the reader's language.
    if (!hasRole(user, "editor")) return seeOther("/import");
    const answer = await importAnswer(request, user.id);
    return seeOther(`/import?report=${await saveImportReport(db, user.id, answer)}`);
  } catch (error) {
    // Only the report could not be stored (the database is gone): the API's answer, as a last resort.
    return errorResponse(error);
  }
}

/** What the API would answer for this upload, as stored for the page. */
async function importAnswer(request: Request, actorId: string): Promise<ImportReportAnswer> {
  try {
    const summary = await runImportRequest(db, await readImportRequest(request), actorId);
    return { status: statusOf(summary.imported, summary.dryRun, summary.errors.length), body: summaryBody(summary) };
  } catch (error) {
    const expected = toAppError(error);
    if (!expected) console.error(error);
    return {
      status: expected?.status ?? 500,
      body: {
        error: {
          code: expected?.code ?? "internal",
          message: expected?.message ?? "Something went wrong on our side. It has been logged.",
          fields: expected?.fields,
          issues: expected?.issues,
        },
      },
    };
  }
}
