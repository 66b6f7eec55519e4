import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExportMenu } from "./export-menu";

const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));

describe("ExportMenu", () => {
  it("carries the page's filter to every export and leaves its view state behind", () => {
    const html = renderToStaticMarkup(
      createElement(ExportMenu, { search: "?country=MLI&view=6/15.9/0.2&sort=oldest&cursor=abc&flag=contested" }),
    );
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
    const html = renderToStaticMarkup(createElement(ExportMenu, { search: "?country=MLI", filterLabel: "Country: Mali" }));
    expect(html).toContain("Country: Mali");
    expect(html.replace(/href="[^"]*"/g, "")).not.toContain("country=MLI");
  });

  it("exports everything when there is no filter", () => {
    const hrefs = links(renderToStaticMarkup(createElement(ExportMenu, { search: "" })));
    expect(hrefs).toContain("/api/export/figures.csv");
    expect(hrefs).toContain("/api/export/manifest?file=figures.csv");
  });
});
