// COPY in and out on a direct pg connection (lib/db/raw-pg.ts), for the claims import: rows go in
// with COPY … FROM STDIN and come out with COPY … TO STDOUT, in PostgreSQL's text format, which
// costs PostgreSQL and us far less per row than parameters or result rows do.
//
// Table and column names come from the callers' constants, never from input; values are always
// escaped here. Timestamps are passed as UTC ISO strings (a TIMESTAMP(3) column ignores the "Z"
// and keeps the UTC wall time, which is how Prisma stores them).
import "server-only";
import { StringDecoder } from "node:string_decoder";
import type { Readable, Writable } from "node:stream";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

const quoteName = (name: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a table or column name: ${name}`);
  return `"${name}"`;
};

const SPECIAL = /[\\\t\n\r]/;

function escapeText(text: string): string {
  return SPECIAL.test(text) ? text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : text;
}

/** An array literal ({"a","b"}); every element is quoted, so no element needs inspecting. */
function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? "NULL" : `"${String(v).replace(/(["\\])/g, "\\$1")}"`)).join(",")}}`;
}

/** One value as a field of COPY's text format: \N for null, arrays as array literals, other objects as
 *  JSON (a JSON array must be passed as its JSON text: a JS array becomes a PostgreSQL array). */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "t" : "f";
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  if (value instanceof Date) return value.toISOString();
  return escapeText(JSON.stringify(value));
}

/** Bytes buffered before waiting for the connection to take them. */
const FLUSH_CHARS = 1 << 20;

async function write(stream: Writable, failed: Promise<never>, text: string): Promise<void> {
  if (stream.write(text)) return;
  await Promise.race([new Promise<void>((resolve) => stream.once("drain", resolve)), failed]);
}

/**
 * One row as a line of COPY's text format. Its fields are joined, not concatenated one by one:
 * that would make a tree of ~40 string pieces per line, which the young-generation GC copies
 * whenever it runs while copyText holds a slice's 10,000 lines.
 */
function copyLine(row: readonly unknown[]): string {
  const fields = new Array<string>(row.length);
  for (let i = 0; i < row.length; i++) fields[i] = copyField(row[i]);
  return `${fields.join("\t")}\n`;
}

/** Rows as COPY text, built ahead of the COPY so the connection does not wait while it is made. */
export type CopyText = { text: string; rows: number };

export function copyText(rows: Iterable<readonly unknown[]>): CopyText {
  const lines: string[] = [];
  for (const row of rows) lines.push(copyLine(row));
  return { text: lines.join(""), rows: lines.length };
}

/**
 * COPY rows into `table` (columns in the order given). `rows` may be any iterable (a generator
 * keeps the rows' text from being built all at once), or text made by copyText. Resolves with the
 * number of rows once PostgreSQL has taken them all; rejects with PostgreSQL's error (a
 * constraint, a bad value).
 */
export async function copyRowsIn(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]> | CopyText,
  onRows?: (count: number) => void,
): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${quoteName(table)} (${columns.map(quoteName).join(", ")}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  // Rejects with PostgreSQL's error, so a wait for "drain" ends when the COPY fails; never resolves.
  const failed = done.then(() => new Promise<never>(() => {}));
  failed.catch(() => {});
  let count = 0;
  let buffer = "";
  try {
    if ("text" in rows) {
      count = rows.rows;
      buffer = rows.text;
    } else {
      for (const row of rows) {
        buffer += copyLine(row);
        count++;
        if (buffer.length >= FLUSH_CHARS) {
          await write(stream, failed, buffer);
          buffer = "";
          onRows?.(count);
        }
      }
    }
    if (buffer) await write(stream, failed, buffer);
    stream.end();
  } catch (error) {
    // Our own error (a value we cannot write): abort the COPY so the connection stays usable for the rollback.
    stream.destroy(error as Error);
    await done.catch(() => {});
    throw error;
  }
  await done;
  onRows?.(count);
  return count;
}

/** Undoes COPY's text-format escapes (PostgreSQL writes \\ \b \f \n \r \t \v). */
function unescapeField(field: string): string {
  return field.replace(/\\(.)/g, (_m, c: string) => {
    switch (c) {
      case "b":
        return "\b";
      case "f":
        return "\f";
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "\t";
      case "v":
        return "\v";
      default:
        return c;
    }
  });
}

/**
 * Runs COPY (query) TO STDOUT and calls `onRow` with each row's fields as text (null for NULL).
 * `query` is SQL written by the caller (no parameters: COPY takes none). Resolves with the row count.
 */
export async function copyRowsOut(client: pg.ClientBase, query: string, onRow: (fields: (string | null)[]) => void): Promise<number> {
  const stream: Readable = client.query(copyTo(`COPY (${query}) TO STDOUT`));
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let count = 0;
  const take = (text: string) => {
    const lines = (rest + text).split("\n");
    rest = lines.pop()!;
    for (const line of lines) {
      const fields: (string | null)[] = line.split("\t");
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i]!;
        if (f === "\\N") fields[i] = null;
        else if (f.includes("\\")) fields[i] = unescapeField(f);
      }
      onRow(fields);
      count++;
    }
  };
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => {
      try {
        take(decoder.write(chunk));
      } catch (error) {
        stream.destroy(error as Error);
      }
    });
    stream.on("end", () => {
      try {
        take(decoder.end());
        resolve();
      } catch (error) {
        reject(error);
      }
    });
    stream.on("error", reject);
  });
  return count;
}
