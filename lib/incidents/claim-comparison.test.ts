import { describe, expect, it } from "vitest";
import { claimStatus, claimTableRows, claimantsOf, compareClaims, figuresBySource } from "./claim-comparison";
import { kobeClaimViews } from "./kobe-claim-views.fixture";

describe("claims side by side (Kobé, killed)", () => {
  const killed = compareClaims(kobeClaimViews(), "killed");

  it("groups by category in vocabulary order", () => {
    expect(killed.map((g) => g.category)).toEqual(["civilians", "attackers", "unspecified"]);
  });

  it("shows HRW 34 beside the Malian government's 25, HRW's repeated report counted once with both documents", () => {
    const civilians = killed.find((g) => g.category === "civilians")!;
    expect(civilians.claims.map((c) => [c.claimants.map((x) => x.name).join(" / "), c.figure, c.statedOn])).toEqual([
      ["Human Rights Watch", "34", null],
      ["Malian government", "25", "2025-02-08"],
    ]);
    expect(civilians.claims[0]!.documents.map((d) => d.publisher)).toEqual(["Wikipedia", "Mirage News"]);
    expect(civilians.claims[0]!.claimIds).toHaveLength(2);
  });

  it("puts AFP and RFI's identical 'at least 30' of 8–9 February in one entry", () => {
    const unspecified = killed.find((g) => g.category === "unspecified")!;
    expect(unspecified.claims).toHaveLength(1);
    expect(unspecified.claims[0]).toMatchObject({
      figure: "≥ 30",
      valueMax: null,
      statedOn: "2025-02-08",
      statedOnEnd: "2025-02-09",
      status: "standing",
    });
    expect(unspecified.claims[0]!.claimants.map((c) => c.name)).toEqual(["AFP", "RFI"]);
  });

  it("leaves subgroup breakdowns and retracted claims out, and keeps superseded ones apart", () => {
    const claims = kobeClaimViews();
    const government = claims.find((c) => c.claimant.slug === "mali-government" && c.metric === "killed" && c.category === "civilians")!;
    claims.push({ ...government, id: "newer", valueMin: 32, valueMax: 32, statedOn: "2025-02-20" });
    government.supersededById = "newer";
    claims.find((c) => c.claimant.slug === "mali-government" && c.category === "attackers")!.retracted = true;
    const result = compareClaims(claims, "killed");
    expect(result.map((g) => g.category)).toEqual(["civilians", "unspecified"]);
    expect(result[0]!.claims.map((c) => [c.claimants[0]!.name, c.figure, c.status])).toEqual([
      ["Human Rights Watch", "34", "standing"],
      ["Malian government", "32", "standing"],
      ["Malian government", "25", "superseded"],
    ]);
  });
});

describe("claim status", () => {
  it("says why a claim does not count", () => {
    expect(claimStatus({ retracted: false, supersededById: null, assessment: "credible" })).toBe("standing");
    expect(claimStatus({ retracted: false, supersededById: "x", assessment: "credible" })).toBe("superseded");
    expect(claimStatus({ retracted: false, supersededById: null, assessment: "duplicate" })).toBe("duplicate");
    expect(claimStatus({ retracted: true, supersededById: "x", assessment: "not_credible" })).toBe("retracted");
  });
});

describe("the claims table", () => {
  it("has one column per claimant, most trusted first", () => {
    expect(claimantsOf(kobeClaimViews()).map((c) => c.name)).toEqual(["Human Rights Watch", "AFP", "RFI", "Malian government"]);
  });

  it("has one row per metric × category, with subgroup rows under their total", () => {
    const rows = claimTableRows(kobeClaimViews());
    expect(rows.map((r) => [r.metric, r.category, r.subgroup])).toEqual([
      ["killed", "civilians", null],
      ["killed", "civilians", "foreign"],
      ["killed", "civilians", "Malian"],
      ["killed", "attackers", null],
      ["killed", "unspecified", null],
      ["injured", "civilians", null],
      ["injured", "civilians", "foreign"],
      ["injured", "civilians", "Malian"],
      ["killed_or_injured", "security_forces", null],
    ]);
    expect(Object.keys(rows[0]!.cells).sort()).toEqual(["hrw", "mali-government"]);
    expect(rows[0]!.cells.hrw).toHaveLength(2);
  });
});

describe("killed figures by source (the map popup's first lines)", () => {
  it("gives one row per source with its figure whatever the category: HRW 34 · Malian government 25 · AFP / RFI ≥ 30", () => {
    const rows = figuresBySource(kobeClaimViews(), "killed");
    expect(rows.map((r) => [r.label, r.figures.map((f) => `${f.figure} ${f.category}`).join(", ")])).toEqual([
      ["Human Rights Watch", "34 civilians"],
      ["Malian government", "25 civilians, 19 attackers"],
      ["AFP / RFI", "≥ 30 unspecified"],
    ]);
  });
});
