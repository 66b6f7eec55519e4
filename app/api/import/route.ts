// POST /api/import (editors; session cookie or `Authorization: Bearer <API token>`).
// Body: multipart/form-data with `file`, `format`, optional `validOnly`; or the CSV itself
// (text/csv) with ?format=acled|ucdp|claims&validOnly=1&fileName=… in the query.
// Answer: the import summary as JSON — 200 when imported, 422 when refused (invalid rows,
// nothing written). With `Accept: application/x-ndjson` the answer streams progress lines
// {"type":"progress",…} and ends with {"type":"result","status":…,"summary":…}.
import { withRole } from "@/lib/auth/role-guards";
import { db } from "@/lib/db";
import { toAppError } from "@/lib/errors";
import { readImportRequest, runImportRequest, summaryBody } from "@/lib/import/import-request";
import type { ImportProgress } from "@/lib/import/import-types";

export const dynamic = "force-dynamic";
// Large files take a while: allow the function to run (on hosts that limit it).
export const maxDuration = 3600;

const statusOf = (imported: boolean, dryRun: boolean, errors: number) => (imported || (dryRun && errors === 0) ? 200 : 422);

export const POST = withRole("editor", async (user, request) => {
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
            message: expected?.message ?? "Something went wrong on our side. It has been logged.",
          });
        })
        .finally(() => controller.close());
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
});
