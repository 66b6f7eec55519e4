// An incident's change history (audit events and figure revisions) as sentences a reader can
// follow, in the reader's language: who did what to which claim or figure. Unknown actions still
// read sensibly, so a new kind of change never breaks the page.
import { ASSESSMENTS, CATEGORIES, FLAGS, METHODS, METRICS, type Category, type Metric, type Qualifier } from "@/lib/domain/vocabularies";
import type { I18n } from "@/lib/i18n/i18n";
import { formatClaimValue, formatLowBestHigh } from "./localized-figures";
import { numberFormat } from "./intl-formats";
import { FIELD_WORDS } from "@/lib/forms/field-messages";
import { EDITABLE_INCIDENT_FIELDS } from "@/lib/domain/incident-fields";

export type HistoryContext = {
  /** Claims of the incident by id: who claimed what (the figure already in the reader's language). */
  claims: Map<string, { claimantName: string; metric: Metric; category: Category; subgroup: string | null; figure: string }>;
  /** Source names by id and by slug. */
  sources: Map<string, string>;
};

export type HistoryLine = { title: string; details: string[] };

type Json = Record<string, unknown> | null | undefined;

const obj = (value: unknown): Json =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

const KNOWN: Record<string, readonly string[]> = {
  metric: METRICS,
  category: CATEGORIES,
  assessment: ASSESSMENTS,
  method: METHODS,
  flag: FLAGS,
};

/** A vocabulary word, or the stored code in plain letters when the vocabulary does not know it (older data). */
function word(i18n: I18n, group: keyof typeof KNOWN, code: unknown): string {
  return KNOWN[group]!.includes(String(code)) ? i18n.t(`vocabulary.${group}.${String(code)}`) : String(code).replace(/_/g, " ");
}

function groupLabel(i18n: I18n, metric: unknown, category: unknown, subgroup?: unknown): string {
  const m = word(i18n, "metric", metric);
  const c = word(i18n, "category", category);
  return subgroup ? `${m} · ${c} (${String(subgroup)})` : `${m} · ${c}`;
}

function claimFigure(i18n: I18n, claim: Json): string | null {
  if (!claim || typeof claim.valueMin !== "number") return null;
  const valueMax = typeof claim.valueMax === "number" ? claim.valueMax : null;
  const qualifier = (str(claim.qualifier) ??
    (valueMax === claim.valueMin ? "exact" : valueMax === null ? "at_least" : "range")) as Qualifier;
  return formatClaimValue(i18n, claim.valueMin, valueMax, qualifier);
}

function claimantOf(i18n: I18n, claim: Json, context: HistoryContext): string {
  const key = str(claim?.claimantId) ?? str(claim?.claimant);
  return (key && context.sources.get(key)) ?? key ?? i18n.t("history.aSource");
}

/** "Malian government — killed · civilians: 25" (« … : 25 » in French). */
function claimWords(i18n: I18n, claimant: string, group: string, figure: string | null): string {
  return figure
    ? i18n.t("history.claimWithFigure", { claimant, group, figure })
    : i18n.t("history.claimWithoutFigure", { claimant, group });
}

function claimSummary(i18n: I18n, claim: Json, context: HistoryContext): string {
  return claimWords(
    i18n,
    claimantOf(i18n, claim, context),
    groupLabel(i18n, claim?.metric, claim?.category, claim?.subgroup),
    claimFigure(i18n, claim),
  );
}

function knownClaim(i18n: I18n, entityId: string, context: HistoryContext): string {
  const claim = context.claims.get(entityId);
  return claim
    ? claimWords(i18n, claim.claimantName, groupLabel(i18n, claim.metric, claim.category, claim.subgroup), claim.figure)
    : i18n.t("history.aClaim");
}

function humanise(action: string): string {
  const text = action.replace(/[._]/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The incident's editable fields in the form's order, each by the English words of its label in the
 * form (the edit form's conflict chooser reads it). The history names fields in the reader's
 * language through fieldLabel().
 */
export const INCIDENT_FIELD_LABELS: Record<string, string> = Object.fromEntries(
  EDITABLE_INCIDENT_FIELDS.map((f) => [f, FIELD_WORDS[f] ?? f]),
);

/** A field's label in the reader's language; the API's name for a field the catalogue does not know. */
export function fieldLabel(i18n: I18n, field: string): string {
  return (EDITABLE_INCIDENT_FIELDS as readonly string[]).includes(field) ? i18n.t(`history.field.${field}`) : field;
}

export type FieldChange = { field: string; label: string; before: string; after: string };

const MAX_SHOWN = 160;
function shown(i18n: I18n, value: unknown): string {
  if (value === null || value === undefined || value === "") return i18n.t("history.empty");
  const one = (v: unknown) =>
    typeof v === "number" ? numberFormat(i18n.locale, { useGrouping: false, maximumFractionDigits: 20 }).format(v) : String(v);
  const text = Array.isArray(value) ? (value.length ? value.map(one).join("; ") : i18n.t("history.noneValue")) : one(value);
  const quoted = typeof value === "string" ? i18n.t("history.quoted", { text }) : text;
  return quoted.length > MAX_SHOWN ? `${quoted.slice(0, MAX_SHOWN - 1)}…` : quoted;
}

/** Each edited field of an incident with its value before and after, in the form's order. */
export function incidentFieldChanges(i18n: I18n, before: unknown, after: unknown): FieldChange[] {
  const b = obj(before);
  const a = obj(after);
  if (!a) return [];
  return EDITABLE_INCIDENT_FIELDS.filter(
    (field) => field in a && JSON.stringify(a[field] ?? null) !== JSON.stringify(b?.[field] ?? null),
  ).map((field) => ({ field, label: fieldLabel(i18n, field), before: shown(i18n, b?.[field]), after: shown(i18n, a[field]) }));
}

export function describeAuditEvent(
  i18n: I18n,
  event: { action: string; entityType: string; entityId: string; before: unknown; after: unknown },
  context: HistoryContext,
): HistoryLine {
  const { t } = i18n;
  const before = obj(event.before);
  const after = obj(event.after);
  const statement = str(after?.statement);
  const quoted = (text: string) => t("history.quoted", { text });
  switch (event.action) {
    case "seed.incident":
      return { title: t("history.seedIncident"), details: [] };
    case "incident.create":
      return { title: t("history.incidentCreated"), details: [] };
    case "seed.claim":
      return { title: t("history.seedClaim", { claim: claimSummary(i18n, after, context) }), details: [] };
    case "claim.create":
      return {
        title: t("history.claimAdded", { claim: claimSummary(i18n, after, context) }),
        details: statement ? [quoted(statement)] : [],
      };
    case "claim.supersede": {
      const earlier = claimFigure(i18n, before);
      return {
        title: t("history.claimSuperseded", {
          claimant: claimantOf(i18n, after, context),
          figure: claimFigure(i18n, after) ?? t("history.aNewFigure"),
          group: groupLabel(i18n, after?.metric, after?.category, after?.subgroup),
        }),
        details: [before ? t("history.earlierFigure", { figure: earlier ?? "—" }) : "", statement ? quoted(statement) : ""].filter(Boolean),
      };
    }
    case "claim.assess": {
      const code = str(after?.assessment);
      const reason = str(after?.assessmentReason);
      return {
        title: t("history.claimAssessed", {
          assessment: code ? word(i18n, "assessment", code) : t("history.assessedFallback"),
          claim: knownClaim(i18n, event.entityId, context),
        }),
        details: reason ? [t("history.reason", { reason })] : [],
      };
    }
    case "claim.retract": {
      const reason = str(after?.reason);
      return {
        title: t("history.claimRetracted", { claim: knownClaim(i18n, event.entityId, context) }),
        details: reason ? [t("history.reason", { reason })] : [],
      };
    }
    case "decision.record": {
      const rationale = str(after?.rationale);
      return {
        title: t("history.decision", {
          group: groupLabel(i18n, after?.metric, after?.category),
          best: typeof after?.best === "number" ? numberFormat(i18n.locale).format(after.best) : String(after?.best ?? "?"),
        }),
        details: rationale ? [t("history.rationale", { rationale })] : [],
      };
    }
    case "incident.update": {
      const changes = incidentFieldChanges(i18n, before, after).map((c) =>
        t("history.fieldChange", { field: c.label, before: c.before, after: c.after }),
      );
      const kept = Array.isArray(after?.keptTheirs) ? after.keptTheirs.map((f) => fieldLabel(i18n, String(f))) : [];
      const merged =
        typeof after?.mergedFromVersion === "number"
          ? [
              t("history.savedOver", { version: after.mergedFromVersion }) +
                (kept.length ? t("history.keptFields", { fields: kept.join(", ").toLocaleLowerCase(i18n.locale) }) : ""),
            ]
          : [];
      return { title: t("history.incidentEdited"), details: [...changes, ...merged] };
    }
    case "incident.merge": {
      const moved = typeof after?.claimsMoved === "number" ? [t("history.claimsMoved", { count: after.claimsMoved })] : [];
      return { title: t("history.mergedHere", { code: str(after?.mergedCode) ?? t("history.anotherIncident") }), details: moved };
    }
    case "incident.merged_into":
      return { title: t("history.mergedInto", { code: str(after?.intoCode) ?? t("history.anotherIncident") }), details: [] };
    default:
      return { title: t("history.otherChange", { action: humanise(event.action), entityType: event.entityType }), details: [] };
  }
}

type FigureSnapshot = { low: number; best: number; high: number | null; method?: string; flags?: string[]; rationale?: string };

function snapshot(value: unknown): FigureSnapshot | null {
  const o = obj(value);
  return o && typeof o.low === "number" && typeof o.best === "number" ? (o as unknown as FigureSnapshot) : null;
}

function method(i18n: I18n, s: FigureSnapshot): string {
  return s.method ? word(i18n, "method", s.method) : "";
}

function flags(i18n: I18n, s: FigureSnapshot): string {
  return s.flags?.length ? s.flags.map((f) => word(i18n, "flag", f)).join(", ") : i18n.t("history.noFlags");
}

export function describeRevision(i18n: I18n, revision: { metric: string; category: string; before: unknown; after: unknown }): HistoryLine {
  const { t } = i18n;
  const group = groupLabel(i18n, revision.metric, revision.category);
  const before = snapshot(revision.before);
  const after = snapshot(revision.after);
  if (!before && after) {
    return {
      title: t("history.figureReconciled", { group, figure: formatLowBestHigh(i18n, after), method: method(i18n, after) }),
      details: [t("history.flags", { flags: flags(i18n, after) })],
    };
  }
  if (before && !after)
    return { title: t("history.figureWithdrawn", { group }), details: [t("history.was", { figure: formatLowBestHigh(i18n, before) })] };
  if (before && after) {
    const details: string[] = [];
    if (method(i18n, before) !== method(i18n, after))
      details.push(t("history.methodChange", { before: method(i18n, before), after: method(i18n, after) }));
    if (flags(i18n, before) !== flags(i18n, after))
      details.push(t("history.flagsChange", { before: flags(i18n, before), after: flags(i18n, after) }));
    return {
      title: t("history.figureChanged", { group, before: formatLowBestHigh(i18n, before), after: formatLowBestHigh(i18n, after) }),
      details,
    };
  }
  return { title: t("history.figureRevised", { group }), details: [] };
}
