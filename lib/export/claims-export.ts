// claims.csv: one row per standing claim, in a stable order, in exactly the format the claims
// import reads (so an export re-imports as it is).
//
// - claimant is the source's slug (stable, unique, what imports match on); claimant_kind lets
//   an import create a source it does not know yet.
// - stated_on is a day (2025-02-08) or, when the claim is dated to a span, an ISO 8601 interval
//   (2025-02-08/2025-02-09).
// - active = the claim is counted in its current stored figure (not superseded, not judged
//   not credible or a duplicate, not an older report of the same claimant, not a subgroup
//   covered by its claimant's total).
// - Retracted claims are left out: their author withdrew them and they count nowhere. A claim
//   superseded only by a retracted one is therefore not marked superseded, as the engine treats it.
// - entered_by is the name of the editor who entered the claim (empty for seeded and
//   command-line imports); entered_at is when.
import "server-only";
import type { Tx } from "@/lib/db";
import { CATEGORIES, METRICS } from "@/lib/domain/vocabularies";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { isoDay, type Cell } from "./csv-cell";
import { incidentBatches } from "./incident-batches";

export function statedOnCell(statedOn: Date | null, statedOnEnd: Date | null): string | null {
  const start = isoDay(statedOn);
  const end = isoDay(statedOnEnd);
  return start && end && end !== start ? `${start}/${end}` : start;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type ClaimSortKey = { metric: string; category: string; subgroup: string | null; statedOn: Date | null; createdAt: Date; id: string };

/** Metric and category in vocabulary order, totals before subgroups, oldest first; the id settles ties. */
function compareClaims(a: ClaimSortKey, b: ClaimSortKey): number {
  return (
    METRICS.indexOf(a.metric as never) - METRICS.indexOf(b.metric as never) ||
    CATEGORIES.indexOf(a.category as never) - CATEGORIES.indexOf(b.category as never) ||
    (a.subgroup === null ? (b.subgroup === null ? 0 : -1) : b.subgroup === null ? 1 : compare(a.subgroup, b.subgroup)) ||
    (a.statedOn?.getTime() ?? -Infinity) - (b.statedOn?.getTime() ?? -Infinity) ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    compare(a.id, b.id)
  );
}

export async function* claimsRows(tx: Tx, filter: IncidentFilter): AsyncGenerator<Cell[][]> {
  for await (const incidents of incidentBatches(tx, filter)) {
    const ids = incidents.map((i) => i.id);
    const claims = await tx.claim.findMany({
      where: { incidentId: { in: ids }, retractedAt: null },
      select: {
        id: true,
        incidentId: true,
        metric: true,
        category: true,
        subgroup: true,
        valueMin: true,
        valueMax: true,
        qualifier: true,
        statement: true,
        statedOn: true,
        statedOnEnd: true,
        assessment: true,
        createdById: true,
        createdAt: true,
        claimant: { select: { slug: true, kind: true } },
        document: { select: { title: true, url: true, publishedOn: true } },
        supersededBy: { select: { id: true, retractedAt: true } },
      },
    });
    const figures = await tx.reconciliation.findMany({ where: { incidentId: { in: ids } }, select: { usedClaimIds: true } });
    const used = new Set(figures.flatMap((f) => f.usedClaimIds));
    const userIds = [...new Set(claims.flatMap((c) => (c.createdById ? [c.createdById] : [])))];
    const users = userIds.length ? await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
    const userName = new Map(users.map((u) => [u.id, u.name]));

    const byIncident = new Map<string, typeof claims>();
    for (const claim of claims) {
      const list = byIncident.get(claim.incidentId) ?? [];
      list.push(claim);
      byIncident.set(claim.incidentId, list);
    }
    const rows: Cell[][] = [];
    for (const incident of incidents) {
      for (const c of (byIncident.get(incident.id) ?? []).sort(compareClaims)) {
        const supersededBy = c.supersededBy && c.supersededBy.retractedAt === null ? c.supersededBy.id : null;
        rows.push([
          c.id,
          incident.code,
          c.metric,
          c.category,
          c.subgroup,
          c.valueMin,
          c.valueMax,
          c.qualifier,
          c.statement,
          c.claimant.slug,
          c.claimant.kind,
          c.document?.title ?? null,
          c.document?.url ?? null,
          isoDay(c.document?.publishedOn),
          statedOnCell(c.statedOn, c.statedOnEnd),
          c.assessment,
          used.has(c.id),
          supersededBy,
          c.createdById ? (userName.get(c.createdById) ?? null) : null,
          c.createdAt.toISOString(),
        ]);
      }
    }
    yield rows;
  }
}
