import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CrlfRecordEnds } from "./crlf-records";

// COPY … (FORMAT csv) quotes exactly what the exports' csv-stringify options quote (a field with
// , " CR or LF) and ends records with LF: csv-stringify with an LF record delimiter writes the same.
const copyLike = (rows: string[][]) => stringify(rows, { record_delimiter: "\n", quoted_match: /[\r\n]/ });
const exported = (rows: string[][]) => stringify(rows, { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });

function convert(input: Buffer, cuts: number[]): { text: string; rows: number } {
  const ends = new CrlfRecordEnds();
  const pieces: Buffer[] = [];
  let rows = 0;
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < input.length).sort((a, b) => a - b), input.length]) {
    const out = ends.convert(input.subarray(from, cut));
    pieces.push(out.bytes);
    rows += out.rows;
    from = cut;
  }
  ends.finish();
  expect(ends.rows).toBe(rows);
  return { text: Buffer.concat(pieces).toString("utf8"), rows };
}

describe("CrlfRecordEnds", () => {
  it("ends records with CRLF and leaves LF and CRLF inside quoted fields alone", () => {
    const rows = [
      ["a", "b,c", 'say "hi"'],
      ["line\none", "line\r\ntwo", ""],
      ['"\n"', "\n", "é\n€"],
    ];
    const input = Buffer.from(copyLike(rows));
    expect(convert(input, [])).toEqual({ text: exported(rows), rows: 3 });
    // Cut at every byte: quoting state carries over from one piece to the next.
    for (let cut = 1; cut < input.length; cut++) expect(convert(input, [cut]).text).toBe(exported(rows));
    expect(
      convert(
        input,
        Array.from({ length: input.length }, (_, i) => i),
      ).text,
    ).toBe(exported(rows));
  });

  it("writes what csv-stringify writes, for any cells cut anywhere", () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom("", "\n", "\r\n", '"', '""', ",", 'a"\nb', "\r"), fc.string({ unit: "binary" }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), fc.array(fc.nat(400)), (rows, cuts) => {
        const input = Buffer.from(copyLike(rows));
        expect(convert(input, cuts)).toEqual({ text: exported(rows), rows: rows.length });
      }),
    );
  });

  it("refuses input that ends inside a quoted field or mid-record", () => {
    const open = new CrlfRecordEnds();
    open.convert(Buffer.from('a,"b\n'));
    expect(() => open.finish()).toThrow(/quoted/);
    const cut = new CrlfRecordEnds();
    cut.convert(Buffer.from("a,b\nc"));
    expect(() => cut.finish()).toThrow(/record end/);
    expect(() => new CrlfRecordEnds().finish()).not.toThrow();
  });
});
