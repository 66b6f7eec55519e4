// "Cite this incident": a citation with the permalink, the day it was read and the version of
// the record, as plain text, BibTeX and CSL-JSON (what Zotero, Pandoc and citeproc read).

export type CitableIncident = { code: string; title: string; version: number; updatedAt: Date; appVersion: string };
export type Citation = { text: string; bibtex: string; cslJson: string; permalink: string };

const PUBLISHER = "Triangulate";
const day = (d: Date) => d.toISOString().slice(0, 10);
const dateParts = (d: Date) => [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]];
const longDay = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** BibTeX's special characters, escaped; braces keep the title's capitals as written. */
function bibtexText(text: string): string {
  return text
    .replace(/[\\{}]/g, (c) => (c === "\\" ? "\\textbackslash{}" : `\\${c}`))
    .replace(/[&%$#_]/g, (c) => `\\${c}`)
    .replace(/~/g, "\\textasciitilde{}")
    .replace(/\^/g, "\\textasciicircum{}");
}

/**
 * The citation of one incident record. `origin` is the site's own address (https://host), so the
 * permalink works wherever it is pasted; `retrieved` is the day the reader saw the record.
 */
export function incidentCitation(incident: CitableIncident, origin: string, retrieved: Date): Citation {
  const permalink = `${origin.replace(/\/$/, "")}/incidents/${incident.code}`;
  const versionNote = `record version ${incident.version} of ${day(incident.updatedAt)}`;
  const text =
    `${PUBLISHER}. “${incident.title}” (incident ${incident.code}, ${versionNote}; Triangulate ${incident.appVersion}). ` +
    `${permalink}. Retrieved ${longDay(retrieved)}.`;
  const key = `triangulate_${incident.code.replace(/-/g, "_")}_v${incident.version}`;
  const bibtex = [
    `@misc{${key},`,
    `  author = {{${PUBLISHER}}},`,
    `  title = {{${bibtexText(incident.title)}}},`,
    `  year = {${incident.updatedAt.getUTCFullYear()}},`,
    `  howpublished = {\\url{${permalink}}},`,
    `  url = {${permalink}},`,
    `  urldate = {${day(retrieved)}},`,
    `  version = {${incident.version}},`,
    `  note = {Incident ${incident.code}, ${bibtexText(versionNote)}; Triangulate ${bibtexText(incident.appVersion)}},`,
    `}`,
  ].join("\n");
  const csl = [
    {
      id: key,
      type: "dataset",
      title: incident.title,
      publisher: PUBLISHER,
      number: incident.code,
      version: String(incident.version),
      URL: permalink,
      issued: { "date-parts": dateParts(incident.updatedAt) },
      accessed: { "date-parts": dateParts(retrieved) },
      note: `Incident ${incident.code}, ${versionNote}; Triangulate ${incident.appVersion}`,
    },
  ];
  return { text, bibtex, cslJson: JSON.stringify(csl, null, 2), permalink };
}
