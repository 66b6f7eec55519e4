import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { readCatalogue } from "@/lib/i18n/messages";
import { ExportMenu } from "./export-menu";

/** The menu as a page in `locale` renders it, over the real catalogues. */
function render(props: ComponentProps<typeof ExportMenu>, locale: Locale = "en"): string {
  // The provider's props type wants children among them; the lint rule wants them as an argument.
  const provider = { locale, messages: readCatalogue(locale), timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, provider, createElement(ExportMenu, props)));
}

const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));

describe("ExportMenu", () => {
  it("carries the page's filter to every export and leaves its view state behind", () => {
    const html = render({ search: "?country=MLI&view=6/15.9/0.2&sort=oldest&cursor=abc&flag=contested" });
    const hrefs = links(html);
    expect(hrefs).toContain("/api/export/figures.csv?country=MLI&flag=contested");
    expect(hrefs).toContain("/api/export/figures.csv?country=MLI&flag=contested&method=conservative");
    expect(hrefs).toContain("/api/export/claims.csv?country=MLI&flag=contested");
    expect(hrefs).toContain("/api/export/incidents.geojson?country=MLI&flag=contested");
    expect(hrefs).toContain("/api/export/manifest?country=MLI&flag=contested&file=figures.csv");
    expect(hrefs.some((h) => h.includes("view=") || h.includes("sort=") || h.includes("cursor="))).toBe(false);
    expect(html).toContain("download");
    // The menu names the filter in words, never as the raw query string.
    expect(html.replace(/href="[^"]*"/g, "")).not.toContain("country=MLI");
  });

  it("says the filter in the words the page gives", () => {
    const html = render({ search: "?country=MLI", filterLabel: "Country: Mali" });
    expect(html).toContain("Country: Mali");
    expect(html.replace(/href="[^"]*"/g, "")).not.toContain("country=MLI");
  });

  it("exports everything when there is no filter", () => {
    const hrefs = links(render({ search: "" }));
    expect(hrefs).toContain("/api/export/figures.csv");
    expect(hrefs).toContain("/api/export/manifest?file=figures.csv");
  });

  it("reads in English as before, and in French on a French page", () => {
    const text = (html: string) => html.replace(/<[^>]+>/g, "");
    const en = text(render({ search: "?country=MLI", filterLabel: "Country: Mali" }));
    expect(en).toContain(
      "Only the incidents of the current filter: Country: Mali. The file name says which filter. Every row, streamed; UTF-8 CSV that pandas and R read as it is.",
    );
    expect(en).toContain("Figures, conservative best (CSV) — best = the lowest credible figure");
    expect(en).toContain("To cite a file: its manifest gives the SHA-256 of the figures, the filter and the version. API documentation.");
    expect(text(render({ search: "?country=MLI" }))).toContain("Only the incidents of the current filter (shown above the map).");

    const fr = render({ search: "?country=MLI", filterLabel: "Pays : Mali" }, "fr");
    expect(fr).toContain("<summary>Exporter</summary>");
    expect(text(fr)).toContain("Seulement les incidents du filtre en cours : Pays : Mali. Le nom du fichier indique le filtre.");
    expect(text(fr)).toContain("Bilans, meilleure estimation prudente (CSV) — meilleure estimation = le plus bas chiffre crédible");
    expect(fr).toContain('href="/api-docs">Documentation de l’API</a>');
    expect(text(render({ search: "" }, "fr"))).toContain("Tous les incidents (aucun filtre).");
  });
});
