import { describe, expect, it } from "vitest";
import { fold, searchPlaces } from "./place-search";

describe("offline gazetteer", () => {
  it("folds accents and case", () => {
    expect(fold("Kobé")).toBe("kobe");
  });

  it("finds Gao and Ansongo in Mali with their region and coordinates", async () => {
    const [gao] = await searchPlaces("gao", { countryIso3: "MLI" });
    expect(gao).toMatchObject({ name: "Gao", countryIso3: "MLI", admin1: "Gao" });
    expect(gao!.latitude).toBeCloseTo(16.27, 1);
    const ansongo = await searchPlaces("Ansongo");
    expect(ansongo[0]).toMatchObject({ name: "Ansongo", countryIso3: "MLI" });
  });

  it("answers nothing for a one-letter query", async () => {
    expect(await searchPlaces("g")).toEqual([]);
  });
});
