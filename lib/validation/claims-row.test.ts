import { describe, expect, it } from "vitest";
import { validateClaimsRow } from "./claims-row";

const row = (statement: string, extra: Record<string, string> = {}) => ({
  incident_code: "MLI-2025-0001",
  statement,
  claimant: "rfi",
  ...extra,
});

describe("a claims row filled from a French statement", () => {
  it("reads « Au moins 20 personnes ont été tuées… » as killed, at least 20", () => {
    const result = validateClaimsRow(row("Au moins 20 personnes ont été tuées lors de l'attaque du convoi, selon des sources locales."));
    expect(result).toMatchObject({
      ok: true,
      value: { metric: "killed", category: "unspecified", valueMin: 20, valueMax: null, qualifier: "at_least", parsed: true },
    });
  });

  it("picks the figure matching the row's metric and category in a French breakdown", () => {
    const result = validateClaimsRow(
      row("Le bilan provisoire est de 34 morts, dont 20 civils et 5 militaires.", { metric: "killed", category: "security_forces" }),
    );
    expect(result).toMatchObject({ ok: true, value: { metric: "killed", category: "security_forces", valueMin: 5, valueMax: 5 } });
  });

  it("refuses a French statement it cannot read, with the parser's reason", () => {
    const result = validateClaimsRow(row("L'armée a neutralisé 30 terroristes."));
    expect(result).toMatchObject({
      ok: false,
      issues: [{ column: "metric", message: expect.stringContaining("may mean killed or captured") }],
    });
  });
});
