// Reads of the sources page.
import "server-only";
import { db } from "@/lib/db";

/** Every source with its documents (and what each relays) and its number of claims, by name. */
export function sourcesWithDocuments() {
  return db.source.findMany({
    orderBy: { name: "asc" },
    include: {
      documents: { orderBy: { title: "asc" }, include: { relays: { include: { source: { select: { name: true } } } } } },
      _count: { select: { claims: true } },
    },
  });
}
