import { describe, expect, it } from "vitest";
import { CsvFileError, readCsv, readCsvSlices } from "./csv-file";

/** A file of `n` rows whose quoted cells hold commas and line breaks, several pieces of the parser long. */
function bigFile(n: number): string {
  const lines = ["code,statement,count"];
  for (let i = 1; i <= n; i++) lines.push(`C-${i},"Row ${i}: ""quoted"", with a comma${i % 7 === 0 ? "\nand a second line" : ""}.",${i}`);
  return `${lines.join("\n")}\n`;
}

describe("readCsvSlices", () => {
  it("gives every row once, in order, numbered across slices, with the line each starts on", () => {
    const text = bigFile(20_000);
    const slices = [...readCsvSlices(text)];
    expect(slices.length).toBeGreaterThan(3);
    const rows = slices.flatMap((s) => s.rows);
    expect(rows).toHaveLength(20_000);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
    // Rows 7, 14, … hold a line break: each later row starts one line further down.
    const lineOf = (i: number) => i + 1 + Math.floor((i - 1) / 7);
    expect(rows.map((r) => r.line)).toEqual(rows.map((r) => lineOf(r.row)));
    expect(rows[6]!.cells.statement).toBe('Row 7: "quoted", with a comma\nand a second line.');
    expect(slices.every((s) => s.header.join() === "code,statement,count")).toBe(true);
    expect(readCsv(text).rows).toEqual(rows);
  });

  it("refuses a file that stops being CSV after the first slices, once they are given", () => {
    const text = `${bigFile(5_000)}C-x,"never closed\n`;
    const slices = readCsvSlices(text);
    expect(slices.next().value?.rows.length).toBeGreaterThan(0);
    expect(() => [...slices]).toThrow(CsvFileError);
    expect(() => readCsv(text)).toThrow(/not valid CSV \(line 5716\): .*opening quote/);
  });

  it("counts the empty lines it skips when it says where a row starts", () => {
    const { rows } = readCsv('a,b\n1,"x\ny"\n\n\n3,4\n\n5\n');
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 6],
      [3, 8],
    ]);
  });

  it("an empty file, a header alone, a header naming a column twice", () => {
    expect(() => readCsv("")).toThrow(/empty/);
    expect([...readCsvSlices("a,b\n")]).toEqual([{ header: ["a", "b"], rows: [] }]);
    expect(() => readCsv("a,b,a\n1,2,3\n")).toThrow(/names a more than once/);
  });
});
