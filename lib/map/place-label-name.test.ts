import { describe, expect, it } from "vitest";
import { testI18n } from "@/lib/i18n/test-i18n";
import { placeLabelName } from "./place-label-name";

const chad = { name: "Chad", iso3: "TCD", lat: 15, lon: 19, kind: "country" as const, area: 1_284_000 };

describe("place names on the offline basemap, in the reader's language", () => {
  it("names countries in French, keeps English and capitals as the package writes them", () => {
    expect(placeLabelName(testI18n("fr"), chad)).toBe("Tchad");
    expect(placeLabelName(testI18n("en"), chad)).toBe("Chad");
    expect(placeLabelName(testI18n("fr"), { ...chad, name: "N'Djamena", kind: "capital", iso3: undefined })).toBe("N'Djamena");
    expect(placeLabelName(testI18n("fr"), { ...chad, name: "Kosovo", iso3: "UNK" })).toBe("Kosovo");
  });
});
