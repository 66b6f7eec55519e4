// Reads of the editors' pages (review, edit, claim entry) and of the incident page's redirect:
// pages call these instead of querying the database themselves.
import "server-only";
import { db } from "@/lib/db";

/** The code of the incident a merged incident became part of, or null. */
export async function incidentCodeById(id: string): Promise<string | null> {
  return (await db.incident.findUnique({ where: { id }, select: { code: true } }))?.code ?? null;
}

/** An incident with its figures, standing decisions and claims (oldest first per metric × category), for the review page. */
export function incidentForReview(code: string) {
  return db.incident.findUnique({
    where: { code },
    include: {
      figures: true,
      decisions: { where: { withdrawnAt: null }, orderBy: [{ decidedAt: "desc" }, { id: "desc" }] },
      claims: {
        orderBy: [{ metric: "asc" }, { category: "asc" }, { createdAt: "asc" }],
        include: { claimant: { select: { name: true } }, supersededBy: { select: { id: true } }, document: { select: { title: true } } },
      },
    },
  });
}

/** An incident with its actors, for the edit form. */
export function incidentForEdit(code: string) {
  return db.incident.findUnique({ where: { code }, include: { actors: true } });
}

/** What the claim entry page offers: the incident, every source and every document (by publisher, then title). */
export async function claimEntryChoices(code: string) {
  const incident = await db.incident.findUnique({ where: { code }, select: { code: true, title: true } });
  if (!incident) return null;
  const [sources, documents] = await Promise.all([
    db.source.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } }),
    db.document.findMany({
      orderBy: [{ source: { name: "asc" } }, { title: "asc" }],
      select: { id: true, title: true, source: { select: { name: true } } },
    }),
  ]);
  return { incident, sources, documents };
}
