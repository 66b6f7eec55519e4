// The Kobé seed's claims in the shape the incident API returns them, for unit tests of the
// presentation helpers (no database needed).
import { KOBE_CLAIMS, KOBE_DOCUMENTS, KOBE_SOURCES } from "@/lib/seed/kobe";
import type { ClaimView } from "./claim-comparison";

export function kobeClaimViews(): ClaimView[] {
  return KOBE_CLAIMS.map((c, index) => {
    const claimant = KOBE_SOURCES.find((s) => s.slug === c.claimant)!;
    const document = KOBE_DOCUMENTS.find((d) => d.key === c.document)!;
    const publisher = KOBE_SOURCES.find((s) => s.slug === document.source)!;
    return {
      id: `claim-${index}`,
      metric: c.metric,
      category: c.category,
      subgroup: c.subgroup,
      valueMin: c.valueMin,
      valueMax: c.valueMax,
      qualifier: c.qualifier,
      statement: c.statement,
      statedOn: c.statedOn,
      statedOnEnd: c.statedOnEnd,
      claimant: { slug: claimant.slug, name: claimant.name, kind: claimant.kind, isParty: claimant.isParty },
      document: { title: document.title, url: document.url, publisher: publisher.name, relays: document.relays },
      supersededById: null,
      assessment: "not_assessed",
      retracted: false,
    };
  });
}
