// "Cite this incident": the citation as text, BibTeX and CSL-JSON, each copyable.
import type { Citation } from "@/lib/format/incident-citation";
import { CopyButton } from "./copy-button";

const FORMATS = [
  { key: "text", label: "Citation", copy: "Copy the citation", rows: 3 },
  { key: "bibtex", label: "BibTeX", copy: "Copy BibTeX", rows: 10 },
  { key: "cslJson", label: "CSL-JSON (Zotero, Pandoc)", copy: "Copy CSL-JSON", rows: 10 },
] as const;

export function CiteIncident({ citation }: { citation: Citation }) {
  return (
    <section aria-labelledby="cite-heading" className="cite-incident">
      <h2 id="cite-heading">Cite this incident</h2>
      <p className="meta">
        The permalink stays valid (a merged incident redirects to the one it became part of). The version and date tell a reader which state
        of the record you saw; the change history shows what changed since.
      </p>
      <p className="citation-text">{citation.text}</p>
      {FORMATS.map((f) => (
        <div key={f.key} className={`cite-format cite-${f.key}`}>
          <label htmlFor={`cite-${f.key}`}>{f.label}</label>
          <textarea id={`cite-${f.key}`} readOnly rows={f.rows} value={citation[f.key]} spellCheck={false} />
          <CopyButton targetId={`cite-${f.key}`} label={f.copy} />
        </div>
      ))}
    </section>
  );
}
