import { describe, expect, it } from "vitest";
import { FLAGS } from "@/lib/domain/vocabularies";
import { explainFlag, type CountedClaim } from "./flag-explanations";

const hrw: CountedClaim = { claimantName: "Human Rights Watch", kind: "ngo", party: false, valueMin: 34, valueMax: 34, qualifier: "exact" };
const government: CountedClaim = {
  claimantName: "Malian government",
  kind: "government",
  party: true,
  valueMin: 25,
  valueMax: 25,
  qualifier: "exact",
};
const armedGroup: CountedClaim = {
  claimantName: "JNIM",
  kind: "party_to_conflict",
  party: true,
  valueMin: 5,
  valueMax: 5,
  qualifier: "exact",
};

describe("flags in plain words (Kobé, killed · civilians)", () => {
  it("says the sources cannot all be right, with their figures", () => {
    expect(explainFlag("contested", [hrw, government], 34)).toBe(
      "The sources' figures do not overlap, so they cannot all be right: Malian government 25, Human Rights Watch 34.",
    );
    expect(explainFlag("contested", [government, hrw], 34)).toBe(explainFlag("contested", [hrw, government], 34));
  });

  it("says the government's figure is lower than the independent ones", () => {
    expect(explainFlag("official_lower", [hrw, government], 34)).toBe(
      "The government's figure is lower than the independent ones: Malian government 25, against Human Rights Watch 34.",
    );
    expect(explainFlag("official_lower", [hrw, armedGroup], 34)).toMatch(/^The figure from a party to the conflict is lower/);
  });

  it("names the only source and the parties", () => {
    expect(explainFlag("single_source", [government], 19)).toContain("(Malian government)");
    expect(explainFlag("parties_only", [government], 19)).toBe(
      "Every figure comes from a party to the conflict (Malian government); no independent source has reported one.",
    );
  });

  it("says whether an open-ended claim leaves the high open", () => {
    expect(explainFlag("open_ended", [], null)).toContain("the high is open");
    expect(explainFlag("open_ended", [], 34)).toContain("bounded figure");
  });

  it("has words for every flag, even without the claims", () => {
    for (const flag of FLAGS) expect(explainFlag(flag, [], null).length).toBeGreaterThan(20);
  });
});
