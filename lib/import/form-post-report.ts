// An import posted without JavaScript (a form pressed before hydration) cannot read the API's
// JSON: the upload route keeps its answer here and sends the browser to /import?report=<id>,
// which shows it. In PostgreSQL, not in memory, so any app server can serve that page
// (docs/architecture.md, "Imports posted before hydration").
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** How long a report can be opened again (a reload, the back button). */
export const IMPORT_REPORT_TTL_HOURS = 24;

/** The API's answer to the upload: its status and its JSON body (a summary, or { error }). */
export type ImportReportAnswer = { status: number; body: Record<string, unknown> };

const ReportId = z.string().uuid();

/** Stores the answer for its editor and returns its id; reports past their day are dropped on the way. */
export async function saveImportReport(db: Db, actorId: string, answer: ImportReportAnswer): Promise<string> {
  // SKIP LOCKED: two editors saving at once never wait on (or deadlock over) the same old rows.
  await db.$executeRaw`DELETE FROM "ImportReport" WHERE "id" IN (SELECT "id" FROM "ImportReport" WHERE "createdAt" < now() - make_interval(hours => ${IMPORT_REPORT_TTL_HOURS}::int) FOR UPDATE SKIP LOCKED)`;
  const report = await db.importReport.create({
    data: { actorId, status: answer.status, body: answer.body as Prisma.InputJsonValue },
    select: { id: true },
  });
  return report.id;
}

/**
 * The answer stored under `id`, when it is the reader's own and not past its day. Anything else
 * (a malformed id, another editor's report, an expired one) is null: the page says it is gone.
 */
export async function findImportReport(db: Db, actorId: string, id: string): Promise<ImportReportAnswer | null> {
  if (!ReportId.safeParse(id).success) return null;
  const since = new Date(Date.now() - IMPORT_REPORT_TTL_HOURS * 3600_000);
  const report = await db.importReport.findFirst({
    where: { id, actorId, createdAt: { gte: since } },
    select: { status: true, body: true },
  });
  return report ? { status: report.status, body: report.body as Record<string, unknown> } : null;
}
