// Each reconciled figure with everything that explains it: low / best / high, the method and its
// rationale, what was counted, each flag in plain words, the claims left out and why, and whether
// subgroup breakdowns add up.
import { isOfficialSource, isPartySource } from "@/lib/domain/source-priority";
import type { Category, Flag, Method, Metric } from "@/lib/domain/vocabularies";
import { CATEGORY_LABELS, METRIC_LABELS, formatClaimValue } from "@/lib/format/figure-format";
import { FLAG_LABELS, METHOD_LABELS, explainFlag, type CountedClaim } from "@/lib/format/flag-explanations";
import { sortFigures } from "@/lib/incidents/figure-dto";
import type { IncidentDetail } from "@/lib/incidents/incident-queries";

type StoredFigure = IncidentDetail["figures"][number];
type StoredClaim = IncidentDetail["claims"][number];

const EXCLUSION_LABELS: Record<string, string> = {
  superseded: "replaced by the claimant's later figure",
  not_credible: "assessed not credible",
  duplicate: "assessed a duplicate of another claim",
  repeated_report: "the same claimant's figure reported again: counted once",
  breakdown: "a subgroup figure, checked against the claimant's total instead",
};

type Exclusion = { claimId: string; reason: string };
type Breakdown = {
  claimantId: string;
  subgroups: { subgroup: string; low: number; high: number | null }[];
  total: { low: number; high: number | null } | null;
  consistent: boolean;
};

const interval = (low: number, high: number | null) => (high === null ? `≥ ${low}` : low === high ? `${low}` : `${low}–${high}`);

function claimLabel(claim: StoredClaim | undefined): string {
  if (!claim) return "a claim no longer on record";
  const where = claim.document ? ` (${claim.document.source.name})` : "";
  const subgroup = claim.subgroup ? `, ${claim.subgroup}` : "";
  return `${claim.claimant.name} ${formatClaimValue(claim.valueMin, claim.valueMax, claim.qualifier)}${subgroup}${where}`;
}

function FigurePanel({ figure, claims }: { figure: StoredFigure; claims: StoredClaim[] }) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const counted: CountedClaim[] = figure.usedClaimIds
    .map((id) => byId.get(id))
    .filter((c): c is StoredClaim => Boolean(c) && c!.subgroup === null)
    .map((c) => ({
      claimantName: c.claimant.name,
      kind: c.claimant.kind,
      party: isPartySource(c.claimant),
      official: isOfficialSource(c.claimant),
      valueMin: c.valueMin,
      valueMax: c.valueMax,
      qualifier: c.qualifier,
    }));
  const excluded = (Array.isArray(figure.excluded) ? figure.excluded : []) as Exclusion[];
  const breakdowns = (Array.isArray(figure.breakdowns) ? figure.breakdowns : []) as Breakdown[];
  const label = `${METRIC_LABELS[figure.metric as Metric]} · ${CATEGORY_LABELS[figure.category as Category]}`;
  const id = `figure-${figure.metric}-${figure.category}`;
  return (
    <article className="figure-panel" aria-labelledby={id}>
      <h3 id={id}>{label}</h3>
      <dl className="lbh">
        <div>
          <dt>Low</dt>
          <dd>{figure.low}</dd>
        </div>
        <div className="best">
          <dt>Best</dt>
          <dd>{figure.best}</dd>
        </div>
        <div>
          <dt>High</dt>
          <dd>{figure.high ?? "open"}</dd>
        </div>
      </dl>
      <p>
        <strong>Method: {METHOD_LABELS[figure.method as Method]}.</strong> {figure.rationale}
      </p>
      <p className="meta">
        {figure.claimCount} {figure.claimCount === 1 ? "claim" : "claims"} from {figure.sourceCount}{" "}
        {figure.sourceCount === 1 ? "source" : "sources"}, {figure.independentSourceCount} independent.
      </p>
      {figure.flags.length ? (
        <ul className="flag-explanations" aria-label={`Flags: ${label}`}>
          {(figure.flags as Flag[]).map((flag) => (
            <li key={flag}>
              <span className={`badge ${flag === "contested" ? "contested" : ""}`}>{FLAG_LABELS[flag]}</span>{" "}
              {explainFlag(flag, counted, figure.high)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="meta">No flags: the counted sources agree.</p>
      )}
      {breakdowns.map((b) => {
        const name = claims.find((c) => c.claimant.id === b.claimantId)?.claimant.name ?? "A source";
        const parts = b.subgroups.map((s) => `${s.subgroup} ${interval(s.low, s.high)}`).join(" + ");
        const sumLow = b.subgroups.reduce((sum, s) => sum + s.low, 0);
        const sumHigh = b.subgroups.some((s) => s.high === null) ? null : b.subgroups.reduce((sum, s) => sum + (s.high ?? 0), 0);
        return (
          <p key={b.claimantId} className="breakdown">
            {name}: {parts} = {interval(sumLow, sumHigh)}
            {b.total ? `; its total is ${interval(b.total.low, b.total.high)}` : ""} —{" "}
            {b.consistent ? "the parts add up." : "the parts do not add up to the total."}
          </p>
        );
      })}
      {excluded.length ? (
        <details className="excluded">
          <summary>
            {excluded.length} {excluded.length === 1 ? "claim" : "claims"} not counted, and why
          </summary>
          <ul>
            {excluded.map((e) => (
              <li key={e.claimId}>
                {claimLabel(byId.get(e.claimId))}: {EXCLUSION_LABELS[e.reason] ?? e.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}

export function ReconciliationPanel({ figures, claims }: { figures: StoredFigure[]; claims: StoredClaim[] }) {
  if (figures.length === 0) return <p className="empty">No reconciled figure yet: no claim counts.</p>;
  return (
    <>
      <p className="meta">
        The headline figure (killed, all categories) adds up civilians, security forces and attackers; an &ldquo;unspecified&rdquo; figure
        counts as a floor on that total. &ldquo;Killed or injured&rdquo; never counts as killed.
      </p>
      <div className="figure-grid">
        {sortFigures(figures).map((f) => (
          <FigurePanel key={`${f.metric}:${f.category}`} figure={f} claims={claims} />
        ))}
      </div>
    </>
  );
}
