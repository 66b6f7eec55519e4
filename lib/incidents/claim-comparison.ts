// Arranging an incident's claims so an analyst can compare them: side by side per metric ×
// category (map popup), and as a table with one column per claimant (incident page). Pure: it
// works on the claims as the incident API returns them.
import { priorityTier } from "@/lib/domain/source-priority";
import {
  CATEGORIES,
  METRICS,
  type Assessment,
  type Category,
  type Metric,
  type Qualifier,
  type SourceKind,
} from "@/lib/domain/vocabularies";
import { formatClaimValue } from "@/lib/format/figure-format";
import { formatClaimValue as localizedClaimValue } from "@/lib/format/localized-figures";
import type { I18n } from "@/lib/i18n/i18n";
import type { ClaimValues } from "@/lib/domain/claim-values";

export type ClaimView = ClaimValues & {
  id: string;
  statement: string;
  statedOn: string | null;
  statedOnEnd: string | null;
  claimant: { slug: string; name: string; kind: SourceKind; isParty: boolean };
  document: { title: string; url: string | null; publisher: string; relays: string[] } | null;
  supersededById: string | null;
  assessment: Assessment;
  retracted: boolean;
};

export type ClaimStatus = "standing" | "superseded" | "not_credible" | "duplicate" | "retracted";

/** English words of each status, for callers without a request's language (the map popup reads them). */
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  standing: "standing",
  superseded: "superseded by a later claim",
  not_credible: "assessed not credible",
  duplicate: "assessed a duplicate",
  retracted: "retracted",
};

/** A claim's status in the reader's language (the `incident.claimStatus` messages). */
export function claimStatusLabel(i18n: I18n, status: ClaimStatus): string {
  return i18n.t(`incident.claimStatus.${status}`);
}

export function claimStatus(claim: Pick<ClaimView, "retracted" | "supersededById" | "assessment">): ClaimStatus {
  if (claim.retracted) return "retracted";
  if (claim.supersededById) return "superseded";
  if (claim.assessment === "not_credible" || claim.assessment === "duplicate") return claim.assessment;
  return "standing";
}

export type DocumentRef = { title: string; url: string | null; publisher: string };

/** One figure as it stands beside the others: the claimants who gave it and where we read it. */
export type ComparedClaim = {
  claimIds: string[];
  claimants: { slug: string; name: string }[];
  figure: string;
  valueMin: number;
  valueMax: number | null;
  qualifier: Qualifier;
  statedOn: string | null;
  statedOnEnd: string | null;
  documents: DocumentRef[];
  status: ClaimStatus;
};

export type CategoryComparison = { metric: Metric; category: Category; claims: ComparedClaim[] };

const STATUS_ORDER: ClaimStatus[] = ["standing", "superseded", "not_credible", "duplicate", "retracted"];

function sameFigure(a: ClaimView, b: ClaimView) {
  return a.valueMin === b.valueMin && a.valueMax === b.valueMax && a.qualifier === b.qualifier;
}

function addDocument(documents: DocumentRef[], claim: ClaimView) {
  if (!claim.document) return;
  const doc = { title: claim.document.title, url: claim.document.url, publisher: claim.document.publisher };
  if (!documents.some((d) => d.title === doc.title && d.publisher === doc.publisher)) documents.push(doc);
}

/**
 * The claims about one metric, side by side per category. Totals only (subgroup breakdowns
 * belong to the full table), retracted claims left out. The same figure reported twice by one
 * claimant is one entry with two documents (a repeat does not weigh more), and different
 * claimants who gave the same figure on the same dates share an entry ("AFP / RFI ≥ 30").
 * Standing claims first, then by source priority, then the larger figure.
 */
export function compareClaims(claims: ClaimView[], metric: Metric, i18n?: I18n): CategoryComparison[] {
  // Figures in the reader's language when the caller gives one; English otherwise.
  const figureOf = (c: ClaimView) =>
    i18n ? localizedClaimValue(i18n, c.valueMin, c.valueMax, c.qualifier) : formatClaimValue(c.valueMin, c.valueMax, c.qualifier);
  const out: CategoryComparison[] = [];
  for (const category of CATEGORIES) {
    const group = claims.filter((c) => c.metric === metric && c.category === category && c.subgroup === null && !c.retracted);
    if (group.length === 0) continue;
    const sorted = [...group].sort(
      (a, b) =>
        STATUS_ORDER.indexOf(claimStatus(a)) - STATUS_ORDER.indexOf(claimStatus(b)) ||
        priorityTier(a.claimant) - priorityTier(b.claimant) ||
        b.valueMin - a.valueMin ||
        a.claimant.name.localeCompare(b.claimant.name) ||
        (a.statedOn ?? "").localeCompare(b.statedOn ?? ""),
    );
    // First, one entry per claimant × figure × status (repeated reports collapse).
    const perClaimant: { claim: ClaimView; entry: ComparedClaim }[] = [];
    for (const claim of sorted) {
      const status = claimStatus(claim);
      const existing = perClaimant.find(
        (p) => p.claim.claimant.slug === claim.claimant.slug && sameFigure(p.claim, claim) && p.entry.status === status,
      );
      if (existing) {
        existing.entry.claimIds.push(claim.id);
        addDocument(existing.entry.documents, claim);
        // Keep the earliest known date: when the claimant first said it.
        if (claim.statedOn && (!existing.entry.statedOn || claim.statedOn < existing.entry.statedOn)) {
          existing.entry.statedOn = claim.statedOn;
          existing.entry.statedOnEnd = claim.statedOnEnd;
        }
        continue;
      }
      const entry: ComparedClaim = {
        claimIds: [claim.id],
        claimants: [{ slug: claim.claimant.slug, name: claim.claimant.name }],
        figure: figureOf(claim),
        valueMin: claim.valueMin,
        valueMax: claim.valueMax,
        qualifier: claim.qualifier,
        statedOn: claim.statedOn,
        statedOnEnd: claim.statedOnEnd,
        documents: [],
        status,
      };
      addDocument(entry.documents, claim);
      perClaimant.push({ claim, entry });
    }
    // Then, claimants who said the same thing at the same time share one entry.
    const merged: ComparedClaim[] = [];
    for (const { claim, entry } of perClaimant) {
      const twin = merged.find(
        (m) =>
          m.status === entry.status &&
          m.valueMin === claim.valueMin &&
          m.valueMax === claim.valueMax &&
          m.qualifier === claim.qualifier &&
          m.statedOn === entry.statedOn &&
          m.statedOnEnd === entry.statedOnEnd,
      );
      if (twin && !twin.claimants.some((c) => c.slug === claim.claimant.slug)) {
        twin.claimants.push(...entry.claimants);
        twin.claimIds.push(...entry.claimIds);
        for (const d of entry.documents)
          if (!twin.documents.some((x) => x.title === d.title && x.publisher === d.publisher)) twin.documents.push(d);
      } else {
        merged.push(entry);
      }
    }
    out.push({ metric, category, claims: merged });
  }
  return out;
}

export type Claimant = ClaimView["claimant"];

/** The claimants of an incident, most trusted first (source priority), then by name. */
export function claimantsOf(claims: Pick<ClaimView, "claimant">[]): Claimant[] {
  const bySlug = new Map<string, Claimant>();
  for (const claim of claims) if (!bySlug.has(claim.claimant.slug)) bySlug.set(claim.claimant.slug, claim.claimant);
  return [...bySlug.values()].sort((a, b) => priorityTier(a) - priorityTier(b) || a.name.localeCompare(b.name));
}

export type ClaimTableRow = {
  metric: Metric;
  category: Category;
  /** null for the total; a subgroup row ("Malian") sits under its total. */
  subgroup: string | null;
  /** Claims per claimant slug, oldest first. */
  cells: Record<string, ClaimView[]>;
};

/** Rows metric × category (totals, then their subgroups), in vocabulary order. */
export function claimTableRows(claims: ClaimView[]): ClaimTableRow[] {
  const rows = new Map<string, ClaimTableRow>();
  for (const claim of claims) {
    const key = `${claim.metric}:${claim.category}:${claim.subgroup ?? ""}`;
    let row = rows.get(key);
    if (!row) {
      row = { metric: claim.metric, category: claim.category, subgroup: claim.subgroup, cells: {} };
      rows.set(key, row);
    }
    (row.cells[claim.claimant.slug] ??= []).push(claim);
  }
  for (const row of rows.values()) {
    for (const cell of Object.values(row.cells)) cell.sort((a, b) => (a.statedOn ?? "9999").localeCompare(b.statedOn ?? "9999"));
  }
  return [...rows.values()].sort(
    (a, b) =>
      METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric) ||
      CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
      (a.subgroup === null ? -1 : b.subgroup === null ? 1 : a.subgroup.localeCompare(b.subgroup)),
  );
}

/** One source's killed figures, whatever category each used: the first thing a reader compares. */
export type SourceFigures = { label: string; figures: { figure: string; category: Category }[]; statedOn: string | null };

/**
 * One row per source (or group of sources that said the same thing together, "AFP / RFI") with
 * every standing figure it gave for `metric`, across categories: HRW 34 civilians · Malian
 * government 25 civilians, 19 attackers · AFP / RFI ≥ 30 unspecified. Rows keep the order of
 * compareClaims (categories in vocabulary order, most trusted source first within each).
 */
export function figuresBySource(claims: ClaimView[], metric: Metric, i18n?: I18n): SourceFigures[] {
  const rows: SourceFigures[] = [];
  for (const group of compareClaims(claims, metric, i18n)) {
    for (const entry of group.claims) {
      if (entry.status !== "standing") continue;
      const label = entry.claimants.map((c) => c.name).join(" / ");
      let row = rows.find((r) => r.label === label);
      if (!row) rows.push((row = { label, figures: [], statedOn: entry.statedOn }));
      row.figures.push({ figure: entry.figure, category: group.category });
    }
  }
  return rows;
}
