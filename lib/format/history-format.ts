// An incident's change history (audit events and figure revisions) as sentences a reader can
// follow: who did what to which claim or figure. Unknown actions still read sensibly, so a new
// kind of change never breaks the page.
import type { Category, Metric, Qualifier } from "@/lib/domain/vocabularies";
import { CATEGORY_LABELS, METRIC_LABELS, formatClaimValue, formatLowBestHigh } from "./figure-format";
import { FIELD_WORDS } from "@/lib/forms/field-messages";
import { EDITABLE_INCIDENT_FIELDS } from "@/lib/domain/incident-fields";
import { FLAG_LABELS, METHOD_LABELS } from "./flag-explanations";

export type HistoryContext = {
  /** Claims of the incident by id: who claimed what. */
  claims: Map<string, { claimantName: string; metric: Metric; category: Category; subgroup: string | null; figure: string }>;
  /** Source names by id and by slug. */
  sources: Map<string, string>;
};

export type HistoryLine = { title: string; details: string[] };

type Json = Record<string, unknown> | null | undefined;

const obj = (value: unknown): Json =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

function groupLabel(metric: unknown, category: unknown, subgroup?: unknown): string {
  const m = METRIC_LABELS[metric as Metric] ?? String(metric);
  const c = CATEGORY_LABELS[category as Category] ?? String(category);
  return subgroup ? `${m} · ${c} (${String(subgroup)})` : `${m} · ${c}`;
}

function claimFigure(claim: Json): string | null {
  if (!claim || typeof claim.valueMin !== "number") return null;
  const valueMax = typeof claim.valueMax === "number" ? claim.valueMax : null;
  const qualifier = (str(claim.qualifier) ??
    (valueMax === claim.valueMin ? "exact" : valueMax === null ? "at_least" : "range")) as Qualifier;
  return formatClaimValue(claim.valueMin, valueMax, qualifier);
}

function claimantOf(claim: Json, context: HistoryContext): string {
  const key = str(claim?.claimantId) ?? str(claim?.claimant);
  return (key && context.sources.get(key)) ?? key ?? "a source";
}

/** "Malian government — killed · civilians: 25" for a claim payload. */
function claimSummary(claim: Json, context: HistoryContext): string {
  const figure = claimFigure(claim);
  return `${claimantOf(claim, context)} — ${groupLabel(claim?.metric, claim?.category, claim?.subgroup)}${figure ? `: ${figure}` : ""}`;
}

function knownClaim(entityId: string, context: HistoryContext): string {
  const claim = context.claims.get(entityId);
  return claim ? `${claim.claimantName} — ${groupLabel(claim.metric, claim.category, claim.subgroup)}: ${claim.figure}` : "a claim";
}

function humanise(action: string): string {
  const text = action.replace(/[._]/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The incident's editable fields in the form's order, each by the words of its label in the form. */
export const INCIDENT_FIELD_LABELS: Record<string, string> = Object.fromEntries(
  EDITABLE_INCIDENT_FIELDS.map((f) => [f, FIELD_WORDS[f] ?? f]),
);

export type FieldChange = { field: string; label: string; before: string; after: string };

const MAX_SHOWN = 160;
function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  const text = Array.isArray(value) ? (value.length ? value.map(String).join("; ") : "(none)") : String(value);
  const quoted = typeof value === "string" ? `“${text}”` : text;
  return quoted.length > MAX_SHOWN ? `${quoted.slice(0, MAX_SHOWN - 1)}…` : quoted;
}

/** Each edited field of an incident with its value before and after, in the form's order. */
export function incidentFieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = obj(before);
  const a = obj(after);
  if (!a) return [];
  return Object.keys(INCIDENT_FIELD_LABELS)
    .filter((field) => field in a && JSON.stringify(a[field] ?? null) !== JSON.stringify(b?.[field] ?? null))
    .map((field) => ({ field, label: INCIDENT_FIELD_LABELS[field]!, before: shown(b?.[field]), after: shown(a[field]) }));
}

export function describeAuditEvent(
  event: { action: string; entityType: string; entityId: string; before: unknown; after: unknown },
  context: HistoryContext,
): HistoryLine {
  const before = obj(event.before);
  const after = obj(event.after);
  const statement = str(after?.statement);
  switch (event.action) {
    case "seed.incident":
      return { title: "Incident recorded from the seed texts", details: [] };
    case "incident.create":
      return { title: "Incident recorded", details: [] };
    case "seed.claim":
      return { title: `Claim recorded from the seed texts: ${claimSummary(after, context)}`, details: [] };
    case "claim.create":
      return { title: `Claim added: ${claimSummary(after, context)}`, details: statement ? [`“${statement}”`] : [] };
    case "claim.supersede":
      return {
        title: `Claim superseded: ${claimantOf(after, context)} now says ${claimFigure(after) ?? "a new figure"} (${groupLabel(after?.metric, after?.category, after?.subgroup)})`,
        details: [before ? `Earlier figure: ${claimFigure(before) ?? "—"}` : "", statement ? `“${statement}”` : ""].filter(Boolean),
      };
    case "claim.assess": {
      const assessment = str(after?.assessment)?.replace(/_/g, " ") ?? "assessed";
      const reason = str(after?.assessmentReason);
      return {
        title: `Claim assessed ${assessment}: ${knownClaim(event.entityId, context)}`,
        details: reason ? [`Reason: ${reason}`] : [],
      };
    }
    case "claim.retract": {
      const reason = str(after?.reason);
      return { title: `Claim retracted: ${knownClaim(event.entityId, context)}`, details: reason ? [`Reason: ${reason}`] : [] };
    }
    case "decision.record": {
      const rationale = str(after?.rationale);
      return {
        title: `Editor's decision on ${groupLabel(after?.metric, after?.category)}: best ${String(after?.best ?? "?")}`,
        details: rationale ? [`Rationale: ${rationale}`] : [],
      };
    }
    case "incident.update": {
      const changes = incidentFieldChanges(before, after).map((c) => `${c.label}: ${c.before} → ${c.after}`);
      const merged =
        typeof after?.mergedFromVersion === "number"
          ? [
              `Saved over version ${after.mergedFromVersion}: newer changes by others were kept${
                Array.isArray(after.keptTheirs) && after.keptTheirs.length
                  ? ` (${after.keptTheirs
                      .map((f) => INCIDENT_FIELD_LABELS[String(f)] ?? String(f))
                      .join(", ")
                      .toLowerCase()})`
                  : ""
              }`,
            ]
          : [];
      return { title: "Incident details edited", details: [...changes, ...merged] };
    }
    case "incident.merge": {
      const moved =
        typeof after?.claimsMoved === "number" ? [`${after.claimsMoved} claim${after.claimsMoved === 1 ? "" : "s"} moved here`] : [];
      return { title: `Incident ${str(after?.mergedCode) ?? "(another)"} merged into this one`, details: moved };
    }
    case "incident.merged_into":
      return { title: `Merged into incident ${str(after?.intoCode) ?? "(another)"}`, details: [] };
    default:
      return { title: `${humanise(event.action)} (${event.entityType})`, details: [] };
  }
}

type FigureSnapshot = { low: number; best: number; high: number | null; method?: string; flags?: string[]; rationale?: string };

function snapshot(value: unknown): FigureSnapshot | null {
  const o = obj(value);
  return o && typeof o.low === "number" && typeof o.best === "number" ? (o as unknown as FigureSnapshot) : null;
}

function method(s: FigureSnapshot): string {
  return METHOD_LABELS[s.method as keyof typeof METHOD_LABELS] ?? s.method ?? "";
}

function flags(s: FigureSnapshot): string {
  return s.flags?.length ? s.flags.map((f) => FLAG_LABELS[f as keyof typeof FLAG_LABELS] ?? f).join(", ") : "none";
}

export function describeRevision(revision: { metric: string; category: string; before: unknown; after: unknown }): HistoryLine {
  const group = groupLabel(revision.metric, revision.category);
  const before = snapshot(revision.before);
  const after = snapshot(revision.after);
  if (!before && after) {
    return {
      title: `Figure ${group} reconciled: ${formatLowBestHigh(after)} (low / best / high), by ${method(after)}`,
      details: [`Flags: ${flags(after)}`],
    };
  }
  if (before && !after)
    return { title: `Figure ${group} withdrawn: no standing claim is left`, details: [`Was ${formatLowBestHigh(before)}`] };
  if (before && after) {
    const details: string[] = [];
    if (method(before) !== method(after)) details.push(`Method: ${method(before)} → ${method(after)}`);
    if (flags(before) !== flags(after)) details.push(`Flags: ${flags(before)} → ${flags(after)}`);
    return { title: `Figure ${group} changed: ${formatLowBestHigh(before)} → ${formatLowBestHigh(after)}`, details };
  }
  return { title: `Figure ${group} revised`, details: [] };
}
