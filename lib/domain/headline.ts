// Headline figure of an incident (the number on the map marker): people killed, all
// categories, derived from the per-category "killed" figures of the reconciliation engine
// (docs/architecture.md, "Reconciliation rules" 7).
//
// Rule:
// - Sum the killed figures of the specific categories (civilians, security_forces,
//   attackers): sumLow, sumBest, and sumHigh (open if any of them is open).
// - The unspecified killed figure U ("at least 30 people") is a floor on the total, because
//   we cannot tell which categories it covers — it may overlap all of them or none. So:
//     low  = max(sumLow,  U.low)
//     best = max(sumBest, U.best)
//     high = sumHigh open ? open : max(sumHigh, U.high ?? U.low)
//   (an open U raises the ceiling only to its floor, as in rule 3 of the engine: once the
//   specific figures bound the total, an open claim contributes only what it asserts.)
// - With no specific category figure, the headline is U itself.
// - low ≤ best ≤ high is enforced by raising best to low and high to best.
// - contested = any killed figure used here is contested.
// - killed_or_injured never feeds killed: "20 soldiers killed or injured" says nothing
//   about how many died, so it is not part of the headline.

import type { Figure } from "./reconcile";
import type { Category } from "./vocabularies";

export type Headline = { low: number; best: number; high: number | null; contested: boolean };

const SPECIFIC_CATEGORIES: readonly Category[] = ["civilians", "security_forces", "attackers"];

/** Headline = killed, all categories, derived from the per-category killed figures. Null when no killed figure. */
export function headlineFigure(figures: Figure[]): Headline | null {
  const killed = figures.filter((f) => f.metric === "killed");
  const specific = killed.filter((f) => SPECIFIC_CATEGORIES.includes(f.category));
  const unspecified = killed.find((f) => f.category === "unspecified");
  const contested = killed.some((f) => f.flags.includes("contested"));

  if (specific.length === 0) {
    return unspecified ? ordered({ ...unspecified, contested }) : null;
  }
  const sum = sumFigures(specific);
  if (!unspecified) return ordered({ ...sum, contested });
  return ordered({
    low: Math.max(sum.low, unspecified.low),
    best: Math.max(sum.best, unspecified.best),
    high: sum.high === null ? null : Math.max(sum.high, unspecified.high ?? unspecified.low),
    contested,
  });
}

function sumFigures(figures: Figure[]): Pick<Headline, "low" | "best" | "high"> {
  let low = 0;
  let best = 0;
  let high: number | null = 0;
  for (const f of figures) {
    low += f.low;
    best += f.best;
    high = high === null || f.high === null ? null : high + f.high;
  }
  return { low, best, high };
}

/** Figures from the engine are already ordered; this keeps the headline so even if an
 *  editor decision upstream was inconsistent. */
function ordered(h: Headline): Headline {
  const best = Math.max(h.best, h.low);
  const high = h.high === null ? null : Math.max(h.high, best);
  return { low: h.low, best, high, contested: h.contested };
}
