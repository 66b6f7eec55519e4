import Papa from "papaparse";
import { describe, expect, it, vi } from "vitest";
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

  it("reads every cell as written when rows repeat values, in columns with few and with many distinct values", () => {
    // Short repeated values are shared between rows (valueSharer); a column of mostly distinct
    // values stops being shared after 512 of them. Neither may change what a cell reads.
    const kinds = ["killed", " injured ", "killed_or_injured"];
    const lines = ["code,kind,day,note"];
    for (let i = 0; i < 3_000; i++)
      lines.push(
        `C-${i % 1_500},${kinds[i % 3]},2025-02-0${1 + (i % 9)},${i % 2 ? "" : `a note longer than thirty-two characters: row ${i % 40}`}`,
      );
    const { rows } = readCsv(`${lines.join("\n")}\n`);
    expect(rows).toHaveLength(3_000);
    rows.forEach((r, i) =>
      expect(r.cells).toEqual({
        code: `C-${i % 1_500}`,
        kind: kinds[i % 3]!.trim(),
        day: `2025-02-0${1 + (i % 9)}`,
        note: i % 2 ? "" : `a note longer than thirty-two characters: row ${i % 40}`,
      }),
    );
  });

  it("refuses a file that stops being CSV after the first slices, once they are given", () => {
    const text = `${bigFile(5_000)}C-x,"never closed\n`;
    const slices = readCsvSlices(text);
    expect(slices.next().value?.rows.length).toBeGreaterThan(0);
    expect(() => [...slices]).toThrow(CsvFileError);
    expect(() => readCsv(text)).toThrow(/not valid CSV \(line 5716\): a quoted cell starts here and its closing quote is missing/);
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

describe("readCsv's CSV", () => {
  it("reads CRLF and CR files, a byte-order mark, escaped quotes and a quoted line break, and trims cells", () => {
    for (const lineBreak of ["\r\n", "\r"]) {
      const { header, rows } = readCsv(`\uFEFFa,b${lineBreak} 1 ,"x${lineBreak}""y"""${lineBreak}2,${lineBreak}`);
      expect(header).toEqual(["a", "b"]);
      expect(rows.map((r) => [r.line, r.cells.a, r.cells.b, r.width])).toEqual([
        [2, "1", `x${lineBreak}"y"`, 2],
        [4, "2", "", 2],
      ]);
    }
  });

  it("names the line of a closing quote that is followed by text", () => {
    expect(() => readCsv('a,b\n1,2\n3,"four"teen\n')).toThrow(
      /not valid CSV \(line 3\): a quoted cell's closing quote is followed by something other than a comma/,
    );
  });

  it("reads a cell longer than the pieces it parses, and a quote never closed early in a large file, re-reading little of it", () => {
    const long = "x".repeat(200_000);
    expect(readCsv(`a,b\n1,"${long}"\n2,3\n`).rows.map((r) => r.cells.b?.length)).toEqual([200_000, 1]);
    // Count what the parser is given: a piece holding no whole row is parsed again, longer.
    let parsed = 0;
    const Parser = Papa.Parser;
    const spy = vi.spyOn(Papa, "Parser").mockImplementation(function (this: unknown, config: Papa.ParseConfig) {
      const parser = new Parser(config);
      const parse = parser.parse.bind(parser);
      parser.parse = (input: string, base: number, ignoreLastRow: boolean) => ((parsed += input.length), parse(input, base, ignoreLastRow));
      return parser;
    } as unknown as typeof Papa.Parser);
    try {
      const text = `a,b\n1,"never closed\n${Array.from({ length: 200_000 }, (_, i) => `${i},plain`).join("\n")}\n`;
      expect(() => readCsv(text)).toThrow(/line 2\): a quoted cell starts here/);
      // Growing by one piece at a time it would read ~35 times the file's length.
      expect(parsed).toBeLessThan(3 * text.length);
    } finally {
      spy.mockRestore();
    }
  });
});
