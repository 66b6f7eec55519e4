// PostgreSQL's COPY … (FORMAT csv) ends every record with LF; our CSV files follow RFC 4180 and
// end records with CRLF, as csv-stringify writes them. This converter rewrites record ends only:
// an LF (or CRLF) inside a quoted field is data and stays exactly as it is, which is also what
// csv-stringify does with it. It works on bytes (a quote or LF byte never occurs inside a UTF-8
// multi-byte character), keeps its quoting state across chunks, and counts the records it ends.

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class CrlfRecordEnds {
  private inQuotes = false;
  private lastByte = -1;
  /** Records ended so far. */
  rows = 0;

  /** The chunk with every record-ending LF turned into CRLF, and how many records it ended. */
  convert(chunk: Uint8Array): { bytes: Buffer; rows: number } {
    const input = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const ends: number[] = [];
    const length = input.length;
    let i = 0;
    // Next quote and next LF at or after i, looked up again only once passed (-1: none left).
    let nextQuote = input.indexOf(QUOTE, 0);
    let nextLf = input.indexOf(LF, 0);
    while (i < length) {
      if (nextQuote >= 0 && nextQuote < i) nextQuote = input.indexOf(QUOTE, i);
      if (this.inQuotes) {
        if (nextQuote < 0) break;
        // A doubled quote inside a field closes and reopens it: toggling on every quote byte is exact.
        this.inQuotes = false;
        i = nextQuote + 1;
        continue;
      }
      if (nextLf >= 0 && nextLf < i) nextLf = input.indexOf(LF, i);
      if (nextLf >= 0 && (nextQuote < 0 || nextLf < nextQuote)) {
        ends.push(nextLf);
        i = nextLf + 1;
      } else if (nextQuote >= 0) {
        this.inQuotes = true;
        i = nextQuote + 1;
      } else break;
    }
    if (length) this.lastByte = input[length - 1]!;
    this.rows += ends.length;
    if (ends.length === 0) return { bytes: input, rows: 0 };
    const output = Buffer.allocUnsafe(length + ends.length);
    let from = 0;
    let to = 0;
    for (const end of ends) {
      to += input.copy(output, to, from, end);
      output[to++] = CR;
      output[to++] = LF;
      from = end + 1;
    }
    input.copy(output, to, from, length);
    return { bytes: output, rows: ends.length };
  }

  /** Throws unless the input ended cleanly: outside any quoted field, after a record end (or empty). */
  finish(): void {
    if (this.inQuotes) throw new Error("CSV from COPY ended inside a quoted field");
    if (this.lastByte !== -1 && this.lastByte !== LF) throw new Error("CSV from COPY did not end with a record end");
  }
}
