import { describe, expect, it } from "vitest";
import { copyField } from "./pg-copy";

describe("copyField (COPY text format)", () => {
  it("writes null as \\N and escapes what COPY would read as structure", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField(undefined)).toBe("\\N");
    expect(copyField("plain text, with commas")).toBe("plain text, with commas");
    expect(copyField("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
    expect(copyField("\\N")).toBe("\\\\N");
  });

  it("writes numbers, booleans and dates as PostgreSQL reads them", () => {
    expect(copyField(0)).toBe("0");
    expect(copyField(-12)).toBe("-12");
    expect(copyField(true)).toBe("t");
    expect(copyField(false)).toBe("f");
    expect(copyField(new Date("2025-02-07T10:00:00.123Z"))).toBe("2025-02-07T10:00:00.123Z");
    expect(() => copyField(Number.NaN)).toThrow();
  });

  it("writes arrays as array literals with every element quoted", () => {
    expect(copyField([])).toBe("{}");
    expect(copyField(["contested", "open_ended"])).toBe('{"contested","open_ended"}');
    expect(copyField(['say "hi"', "back\\slash", null])).toBe('{"say \\\\"hi\\\\"","back\\\\\\\\slash",NULL}');
  });

  it("writes other objects as JSON", () => {
    expect(copyField({ claimId: "x", reason: "tab\there" })).toBe('{"claimId":"x","reason":"tab\\\\there"}');
  });
});
