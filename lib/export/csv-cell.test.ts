import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCell, neutraliseText, restoreText } from "./csv-cell";

describe("CSV injection", () => {
  it("prefixes text that a spreadsheet would run as a formula", () => {
    for (const evil of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      expect(neutraliseText(evil)).toBe(`'${evil}`);
    }
  });

  it("leaves ordinary text and numbers alone", () => {
    expect(neutraliseText("34 civilians were killed")).toBe("34 civilians were killed");
    expect(neutraliseText("'Tis the season")).toBe("'Tis the season");
    expect(formatCell(-5.3)).toBe("-5.3");
    expect(formatCell(null)).toBe("");
    expect(formatCell(false)).toBe("false");
  });

  it("is undone exactly by restoreText, for any text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(restoreText(neutraliseText(text))).toBe(text);
      }),
    );
    for (const tricky of ["'=1", "''-1", "'", "=", "-"]) expect(restoreText(neutraliseText(tricky))).toBe(tricky);
  });

  it("never writes a cell that starts a formula", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(/^[=+\-@\t\r]/.test(formatCell(text))).toBe(false);
      }),
    );
  });
});
