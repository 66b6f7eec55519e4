// Writing rows into PostgreSQL with COPY … FROM STDIN (text format), with backpressure.
import { once } from "node:events";
import type { Writable } from "node:stream";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** One value in COPY text format: \N for null, backslash escapes for tab/newline/backslash.
 *  Arrays become PostgreSQL arrays; pass JSON columns already stringified. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (Array.isArray(value))
    return copyValue(
      `{${value.map((v) => (typeof v === "string" && /[,{}"\\\s]/.test(v) ? `"${v.replace(/(["\\])/g, "\\$1")}"` : String(v))).join(",")}}`,
    );
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

export class CopyWriter {
  private failure: Error | null = null;

  private constructor(
    private readonly stream: Writable,
    private readonly done: Promise<unknown>,
  ) {
    // Remember a COPY error: the next write throws it instead of waiting for a drain that never comes.
    done.catch((error: Error) => {
      this.failure = error;
    });
  }

  static start(client: pg.PoolClient | pg.Client, table: string, columns: string[]): CopyWriter {
    const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
    const done = new Promise((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
    });
    return new CopyWriter(stream, done);
  }

  async row(values: unknown[]) {
    if (this.failure) throw this.failure;
    if (!this.stream.write(`${values.map(copyValue).join("\t")}\n`)) await Promise.race([once(this.stream, "drain"), this.done]);
  }

  async end() {
    this.stream.end();
    await this.done;
  }
}
