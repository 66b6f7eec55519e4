// COPY in and out (lib/db/pg-copy.ts) against PostgreSQL: awkward text survives both ways, and
// a COPY that PostgreSQL refuses fails cleanly, leaving the connection usable for the rollback.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyRowsIn, copyRowsOut } from "@/lib/db/pg-copy";
import { createDatabase } from "./test-database";

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: (await createDatabase()).url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

const AWKWARD = [
  "plain",
  "tab\tin",
  "new\nline",
  "carriage\rreturn",
  "back\\slash",
  "\\N",
  "quote \" and 'apostrophe'",
  "émoji 🙂 and ümlaut",
  "",
  " spaced ",
];

describe("COPY in and out", () => {
  it("carries text, arrays, JSON, numbers, booleans and timestamps unchanged", async () => {
    await client.query("BEGIN");
    await client.query(`CREATE TEMP TABLE copy_test (n int, t text, list text[], doc jsonb, flag boolean, at timestamp(3)) ON COMMIT DROP`);
    const rows: unknown[][] = AWKWARD.map((t, i) => [i, t, [t, `x${i}`], { text: t, list: [t] }, i % 2 === 0, "2025-02-07T10:00:00.123Z"]);
    rows.push([99, null, [], null, null, null]);
    expect(await copyRowsIn(client, "copy_test", ["n", "t", "list", "doc", "flag", "at"], rows)).toBe(rows.length);

    const out: (string | null)[][] = [];
    await copyRowsOut(
      client,
      `SELECT n, t, list, doc, flag, to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM copy_test ORDER BY n`,
      (fields) => out.push(fields),
    );
    expect(out.map((f) => f[1])).toEqual([...AWKWARD, null]);
    expect(out.map((f) => (f[3] == null ? null : JSON.parse(f[3])))).toEqual([...AWKWARD.map((t) => ({ text: t, list: [t] })), null]);
    expect(out[0]).toEqual(["0", "plain", "{plain,x0}", '{"list": ["plain"], "text": "plain"}', "t", "2025-02-07T10:00:00.123Z"]);
    // Arrays read back through the driver, which parses their literal.
    const { rows: lists } = await client.query<{ list: string[] }>(`SELECT list FROM copy_test ORDER BY n`);
    expect(lists.map((r) => r.list[0] ?? null)).toEqual([...AWKWARD, null]);
    await client.query("ROLLBACK");
  });

  it("rejects with PostgreSQL's error when a value does not fit, and the transaction can still roll back", async () => {
    await client.query("BEGIN");
    await client.query(`CREATE TEMP TABLE copy_fail (n int) ON COMMIT DROP`);
    const many = Array.from({ length: 200_000 }, (_, i) => [i === 150_000 ? "not a number" : i]);
    await expect(copyRowsIn(client, "copy_fail", ["n"], many)).rejects.toThrow(/invalid input syntax for type integer/);
    await client.query("ROLLBACK");
    expect((await client.query("SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
  });

  it("refuses a value it cannot write before PostgreSQL sees it", async () => {
    await client.query("BEGIN");
    await client.query(`CREATE TEMP TABLE copy_nan (n float8) ON COMMIT DROP`);
    await expect(copyRowsIn(client, "copy_nan", ["n"], [[1], [Number.NaN]])).rejects.toThrow(/not a finite number/);
    await client.query("ROLLBACK");
    expect((await client.query("SELECT 2 AS ok")).rows).toEqual([{ ok: 2 }]);
  });
});
