import { describe, expect, it } from "vitest";
import { incidentCitation } from "./incident-citation";

const kobe = {
  code: "MLI-2025-0001",
  title: "Attack on a convoy near Kobé {Gao_road}",
  version: 3,
  updatedAt: new Date("2026-11-22T08:00:00Z"),
  appVersion: "0.1.0",
};
const citation = incidentCitation(kobe, "https://triangulate.example/", new Date("2026-12-06T15:00:00Z"));

describe("cite this incident", () => {
  it("gives the permalink, the retrieval date and the record's version in the text", () => {
    expect(citation.permalink).toBe("https://triangulate.example/incidents/MLI-2025-0001");
    expect(citation.text).toContain("https://triangulate.example/incidents/MLI-2025-0001");
    expect(citation.text).toContain("Retrieved 6 December 2026");
    expect(citation.text).toContain("record version 3 of 2026-11-22");
  });
  it("writes BibTeX with escaped special characters and the access date", () => {
    expect(citation.bibtex).toMatch(/^@misc\{triangulate_MLI_2025_0001_v3,/);
    expect(citation.bibtex).toContain("title = {{Attack on a convoy near Kobé \\{Gao\\_road\\}}},");
    expect(citation.bibtex).toContain("urldate = {2026-12-06},");
    expect(citation.bibtex.trim().endsWith("}")).toBe(true);
  });
  it("writes CSL-JSON that citeproc reads: a dataset with issued and accessed dates", () => {
    const [item] = JSON.parse(citation.cslJson) as Record<string, unknown>[];
    expect(item).toMatchObject({
      type: "dataset",
      title: kobe.title,
      URL: citation.permalink,
      version: "3",
      issued: { "date-parts": [[2026, 11, 22]] },
      accessed: { "date-parts": [[2026, 12, 6]] },
    });
  });
});
