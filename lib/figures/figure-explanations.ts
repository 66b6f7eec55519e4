// The data a stored figure's rationale was worded from, so a page can word it in the reader's
// language (lib/format/localized-rationale.ts). The explanation is not stored: the page recomputes
// the incident's figures from its claims with the engine, and keeps a recomputed explanation only
// where it explains the stored figure exactly — same low / best / high, same method, and the same
// English rationale. Where they differ (a refresh still queued after an import, a source renamed
// since), the page shows the stored English rationale as it is.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { englishRationale, explainIncident, type ExplainedFigure, type Figure, type RationaleParts } from "@/lib/domain/reconcile";
import { loadEngineClaims } from "./engine-input";

type StoredFigureFields = Pick<Figure, "metric" | "category" | "low" | "best" | "high" | "method" | "rationale">;

/** Explanations by "metric:category", for the stored figures of a computed method that the recomputed ones explain. */
export type FigureExplanations = Record<string, RationaleParts>;

/** Pure: the recomputed explanations that account for the stored figures word for word. */
export function matchingExplanations(stored: StoredFigureFields[], recomputed: ExplainedFigure[]): FigureExplanations {
  const byKey = new Map(recomputed.map((f) => [`${f.metric}:${f.category}`, f]));
  const out: FigureExplanations = {};
  for (const figure of stored) {
    if (figure.method === "editor") continue; // an editor's rationale is their own words
    const key = `${figure.metric}:${figure.category}`;
    const again = byKey.get(key);
    if (
      again &&
      again.method === figure.method &&
      again.low === figure.low &&
      again.best === figure.best &&
      again.high === figure.high &&
      englishRationale(again.explanation) === figure.rationale
    ) {
      out[key] = again.explanation;
    }
  }
  return out;
}

/** Recomputes one incident's figures (one query for its claims) and explains the stored ones it can. */
export async function storedFigureExplanations(
  incidentId: string,
  stored: StoredFigureFields[],
  client: Tx = db,
): Promise<FigureExplanations> {
  if (!stored.some((f) => f.method !== "editor")) return {};
  const claims = (await loadEngineClaims(client, [incidentId])).get(incidentId) ?? [];
  // Stored figures of a computed method had no editor decision when refreshed; source priority is the refresh's method.
  return matchingExplanations(stored, explainIncident(claims));
}
