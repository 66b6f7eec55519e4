// The shared formatting layer in both languages, over the real catalogues.
import { describe, expect, it } from "vitest";
import { FLAGS } from "@/lib/domain/vocabularies";
import { testI18n } from "@/lib/i18n/test-i18n";
import type { CountedClaim } from "./flag-explanations";
import { formatBucket, formatDay, formatDayRange, formatTimestamp } from "./localized-dates";
import { formatClaimValue, formatCount, formatLowBestHigh, formatRange } from "./localized-figures";
import { explainFlag } from "./localized-flags";
import { countryName, englishCountryName, locationPrecision } from "./localized-places";

const en = testI18n("en");
const fr = testI18n("fr");

const hrw: CountedClaim = { claimantName: "Human Rights Watch", kind: "ngo", party: false, valueMin: 34, valueMax: 34, qualifier: "exact" };
const government: CountedClaim = {
  claimantName: "Malian government",
  kind: "government",
  party: true,
  valueMin: 25,
  valueMax: 25,
  qualifier: "exact",
};

describe("dates", () => {
  it("reads day-month-year in English and French, in UTC", () => {
    expect(formatDay(en, "2025-02-07")).toBe("7 Feb 2025");
    expect(formatDay(fr, "2025-02-07")).toBe("7 févr. 2025");
    expect(formatDay(fr, "2025-08-01")).toBe("1 août 2025");
  });

  it("shares what a span's two ends share", () => {
    expect(formatDayRange(en, "2025-02-08", "2025-02-09")).toBe("8–9 Feb 2025");
    expect(formatDayRange(en, "2025-01-30", "2025-02-02")).toBe("30 Jan – 2 Feb 2025");
    expect(formatDayRange(en, "2024-12-30", "2025-01-02")).toBe("30 Dec 2024 – 2 Jan 2025");
    expect(formatDayRange(fr, "2025-02-08", "2025-02-09")).toBe("8–9 févr. 2025");
    expect(formatDayRange(fr, "2025-01-30", "2025-02-02")).toBe("30 janv. – 2 févr. 2025");
    expect(formatDayRange(en, "2025-02-08", "2025-02-08")).toBe("8 Feb 2025");
  });

  it("says a date is unknown in the reader's language, or in the caller's words", () => {
    expect(formatDayRange(en, null)).toBe("date unknown");
    expect(formatDayRange(fr, null)).toBe("date inconnue");
    expect(formatDayRange(fr, null, null, "toutes dates")).toBe("toutes dates");
  });

  it("names month and week buckets and timestamps", () => {
    expect(formatBucket(en, "2025-02-01", "month")).toBe("Feb 2025");
    expect(formatBucket(fr, "2025-02-01", "month")).toBe("févr. 2025");
    expect(formatBucket(fr, "2025-02-03", "week")).toBe("3 févr. 2025");
    expect(formatTimestamp(en, "2026-11-22T00:17:16.000Z")).toBe("22 Nov 2026, 00:17 UTC");
    expect(formatTimestamp(fr, "2026-11-22T00:17:16.000Z")).toMatch(/^22 nov\. 2026.* 00:17 UTC$/);
  });
});

describe("figures", () => {
  it("groups thousands as the locale does", () => {
    expect(formatCount(en, 1200)).toBe("1,200");
    expect(formatCount(fr, 1200)).toBe("1\u202f200");
  });

  it("writes qualifiers as symbols and the open high in words", () => {
    expect(formatClaimValue(en, 30, null, "at_least")).toBe("≥ 30");
    expect(formatClaimValue(fr, 25, 34, "range")).toBe("25–34");
    expect(formatClaimValue(en, 20, null, "vague")).toBe("≥ 20 (vague)");
    expect(formatClaimValue(fr, 20, null, "vague")).toBe("≥ 20 (imprécis)");
    expect(formatLowBestHigh(en, { low: 25, best: 34, high: null })).toBe("25 / 34 / open");
    expect(formatLowBestHigh(fr, { low: 25, best: 34, high: null })).toBe("25 / 34 / ouvert");
    expect(formatRange(fr, { low: 25, best: 30, high: 34 })).toBe("25–34");
  });
});

describe("flags", () => {
  it("explains a contested figure naming the sources, in both languages", () => {
    expect(explainFlag(en, "contested", [hrw, government], 34)).toBe(
      "The sources' figures do not overlap, so they cannot all be right: Malian government 25, Human Rights Watch 34.",
    );
    expect(explainFlag(fr, "contested", [hrw, government], 34)).toBe(
      "Les chiffres des sources ne se recoupent pas ; ils ne peuvent donc pas tous être justes : Malian government 25, Human Rights Watch 34.",
    );
    expect(explainFlag(fr, "official_lower", [hrw, government], 34)).toMatch(/^Le chiffre du gouvernement est plus bas/);
  });

  it("has words for every flag in both languages", () => {
    for (const flag of FLAGS) {
      expect(explainFlag(en, flag, [], null).length).toBeGreaterThan(20);
      expect(explainFlag(fr, flag, [], null)).not.toBe(explainFlag(en, flag, [], null));
    }
  });
});

describe("places", () => {
  it("names countries in the reader's language and in English for exports", () => {
    expect(countryName(en, "MLI")).toBe("Mali");
    expect(countryName(fr, "CIV")).toBe("Côte-d'Ivoire");
    expect(countryName(fr, "BFA")).toBe("Burkina Faso");
    expect(countryName(fr, "TCD")).toBe("Tchad");
    expect(countryName(fr, "XXX")).toBe("XXX");
    expect(englishCountryName("cod")).toBe("Democratic Republic of the Congo");
  });

  it("words UCDP's location precision in both languages, with the same circle", () => {
    expect(locationPrecision(en, 6).label).toBe("country only");
    expect(locationPrecision(fr, 6).label).toBe("pays seulement");
    expect(locationPrecision(fr, 9).label).toBe("précision 9");
    expect(locationPrecision(fr, 4).radiusKm).toBe(locationPrecision(en, 4).radiusKm);
  });
});
