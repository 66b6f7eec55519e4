// GET /api/sources/{slug}/track-record?<filter>: how the source's figures compare with the other
// sources' on the same incidents (stored statistics; filtered ones summed from stored rows).
import { db } from "@/lib/db";
import { NotFoundError, errorResponse } from "@/lib/errors";
import { canonicalFilter } from "@/lib/export/export-request";
import { METHOD_NOTE, groupStatsDto } from "@/lib/track-record/track-record-dto";
import { sourceBySlug, sourceTrackRecord, trackRecordPending } from "@/lib/track-record/track-record-queries";
import { parseTrackRecordQuery } from "@/lib/validation/track-record-query";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const { filter, metric, category } = parseTrackRecordQuery(new URL(request.url).searchParams);
    const source = await sourceBySlug(db, slug);
    if (!source) throw new NotFoundError(`The source "${slug}"`);
    const [groups, pending] = await Promise.all([sourceTrackRecord(db, source.id, filter), trackRecordPending(db)]);
    const items = groups.filter((g) => (!metric || g.metric === metric) && (!category || g.category === category));
    return Response.json(
      {
        source: { slug: source.slug, name: source.name, kind: source.kind, isParty: source.isParty, countryIso3: source.countryIso3 },
        filter: canonicalFilter(filter),
        pending,
        method: METHOD_NOTE,
        items: items.map(groupStatsDto),
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
