import { describe, expect, it } from "vitest";
import { countryName } from "./country-name";

describe("countryName", () => {
  it("names ISO 3166-1 alpha-3 codes in English, whatever their case", () => {
    expect(countryName("MLI")).toBe("Mali");
    expect(countryName("cod")).toBe("Democratic Republic of the Congo");
    expect(countryName("BFA")).toBe("Burkina Faso");
  });

  it("keeps a code the standard does not know as it is", () => {
    expect(countryName("XXX")).toBe("XXX");
  });
});
