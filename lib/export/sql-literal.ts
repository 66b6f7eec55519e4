// COPY (SELECT …) TO STDOUT cannot take bind parameters: PostgreSQL parses the inner query
// with the COPY statement, before any value could be bound. The filter's values are therefore
// written into the SQL text as literals, quoted by pg's own escaping, and nothing else is: the
// shape of the SQL always comes from our code, only values come from the request.
import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

/** One value as a SQL literal: strings quoted (pg's escapeLiteral), finite numbers in parentheses, booleans, NULL. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") {
    if (value.includes("\u0000")) throw new TypeError("a SQL literal cannot hold a NUL character");
    return pg.escapeLiteral(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`a SQL literal must be a finite number, not ${value}`);
    // Parenthesised so a negative number can never meet a minus sign in the text and start a "--" comment.
    return `(${String(value)})`;
  }
  if (typeof value === "bigint") return `(${value.toString()})`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  throw new TypeError(`no SQL literal for a value of type ${Object.prototype.toString.call(value)}`);
}

/** A quoted identifier (pg's escapeIdentifier). */
export function sqlIdentifier(name: string): string {
  if (name.includes("\u0000")) throw new TypeError("a SQL identifier cannot hold a NUL character");
  return pg.escapeIdentifier(name);
}

/** A Prisma.Sql fragment as plain SQL text, its bound values written in as literals. */
export function inlineSql(sql: Prisma.Sql): string {
  const { strings, values } = sql;
  let text = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) text += sqlLiteral(values[i]) + (strings[i + 1] ?? "");
  return text;
}
