// "Cite this incident": the citation as text, BibTeX and CSL-JSON, each copyable.
import { useTranslations } from "next-intl";
import type { Citation } from "@/lib/format/incident-citation";
import { CopyButton } from "./copy-button";

const FORMATS = [
  { key: "text", label: "text", copy: "copyText", rows: 3 },
  { key: "bibtex", label: "bibtex", copy: "copyBibtex", rows: 10 },
  { key: "cslJson", label: "cslJson", copy: "copyCslJson", rows: 10 },
] as const;

export function CiteIncident({ citation }: { citation: Citation }) {
  const t = useTranslations("incident.cite");
  return (
    <section aria-labelledby="cite-heading" className="cite-incident">
      <h2 id="cite-heading">{t("heading")}</h2>
      <p className="meta">{t("help")}</p>
      <p className="citation-text">{citation.text}</p>
      {FORMATS.map((f) => (
        <div key={f.key} className={`cite-format cite-${f.key}`}>
          <label htmlFor={`cite-${f.key}`}>{t(f.label)}</label>
          <textarea id={`cite-${f.key}`} readOnly rows={f.rows} value={citation[f.key]} spellCheck={false} />
          <CopyButton targetId={`cite-${f.key}`} label={t(f.copy)} copiedLabel={t("copied")} />
        </div>
      ))}
    </section>
  );
}
