import { describe, expect, it } from "vitest";
import { testI18n } from "@/lib/i18n/test-i18n";
import { incidentCitation } from "./incident-citation";

const kobe = {
  code: "MLI-2025-0001",
  title: "Attack on a convoy near Kobé {Gao_road}",
  version: 3,
  updatedAt: new Date("2026-11-22T08:00:00Z"),
  appVersion: "0.1.0",
};
const citation = incidentCitation(testI18n("en"), kobe, "https://triangulate.example/", new Date("2026-12-06T15:00:00Z"));

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

describe("cite this incident in French", () => {
  const fr = incidentCitation(testI18n("fr"), kobe, "https://triangulate.example", new Date("2026-02-07T15:00:00Z"));
  it("writes the citation's words and the retrieval date in French", () => {
    expect(fr.text).toBe(
      "Triangulate, « Attack on a convoy near Kobé {Gao_road} » (incident MLI-2025-0001, version 3 de la fiche, du 2026-11-22 ; " +
        "Triangulate 0.1.0). https://triangulate.example/incidents/MLI-2025-0001. Consulté le 7 février 2026.",
    );
  });
  it("keeps BibTeX's and CSL-JSON's field names and ISO dates, with the note in French", () => {
    expect(fr.bibtex).toContain("urldate = {2026-02-07},");
    expect(fr.bibtex).toContain("note = {Incident MLI-2025-0001, version 3 de la fiche, du 2026-11-22 ; Triangulate 0.1.0},");
    const [item] = JSON.parse(fr.cslJson) as Record<string, unknown>[];
    expect(item).toMatchObject({
      type: "dataset",
      accessed: { "date-parts": [[2026, 2, 7]] },
      note: expect.stringContaining("version 3 de la fiche"),
    });
  });
});
