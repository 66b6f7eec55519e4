// "Cite this incident": a citation with the permalink, the day it was read and the version of
// the record, as plain text, BibTeX and CSL-JSON (what Zotero, Pandoc and citeproc read). The words
// are in the reader's language; the BibTeX and CSL-JSON field names and dates stay as those formats require.
import type { I18n } from "@/lib/i18n/i18n";
import type { Locale } from "@/lib/i18n/locales";
import { dateTimeFormat } from "./intl-formats";

export type CitableIncident = { code: string; title: string; version: number; updatedAt: Date; appVersion: string };
export type Citation = { text: string; bibtex: string; cslJson: string; permalink: string };

const PUBLISHER = "Triangulate";
const day = (d: Date) => d.toISOString().slice(0, 10);
const dateParts = (d: Date) => [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]];
const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };
const longDay = (locale: Locale, d: Date) =>
  dateTimeFormat(INTL_LOCALE[locale], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(d);

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
export function incidentCitation(i18n: I18n, incident: CitableIncident, origin: string, retrieved: Date): Citation {
  const { t } = i18n;
  const permalink = `${origin.replace(/\/$/, "")}/incidents/${incident.code}`;
  const versionNote = t("citation.versionNote", { version: incident.version, date: day(incident.updatedAt) });
  const text = t("citation.text", {
    publisher: PUBLISHER,
    title: incident.title,
    code: incident.code,
    versionNote,
    appVersion: incident.appVersion,
    permalink,
    retrieved: longDay(i18n.locale, retrieved),
  });
  const note = t("citation.note", { code: incident.code, versionNote, appVersion: incident.appVersion });
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
    `  note = {${bibtexText(note)}},`,
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
      note,
    },
  ];
  return { text, bibtex, cslJson: JSON.stringify(csl, null, 2), permalink };
}
