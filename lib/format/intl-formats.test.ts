import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat } from "./intl-formats";

describe("Intl formatters, built once", () => {
  it("gives the same formatter for the same locale and options, another for others", () => {
    const day = { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" } as const;
    expect(dateTimeFormat("en-GB", day)).toBe(dateTimeFormat("en-GB", { ...day }));
    expect(dateTimeFormat("fr-FR", day)).not.toBe(dateTimeFormat("en-GB", day));
    expect(dateTimeFormat("en-GB", day).format(new Date("2025-02-07T00:00:00Z"))).toBe("7 Feb 2025");
    expect(dateTimeFormat("fr-FR", day).format(new Date("2025-02-07T00:00:00Z"))).toBe("7 févr. 2025");
    expect(numberFormat("en")).toBe(numberFormat("en", {}));
    expect(numberFormat("en", { useGrouping: false })).not.toBe(numberFormat("en"));
    expect(numberFormat("en").format(1200)).toBe("1,200");
    expect(numberFormat("fr").format(1200)).toBe("1\u202f200");
  });
});
