import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, errorResponse, toAppError } from "@/lib/errors";
import { isDatabaseUnavailable } from "./database-unavailable";

/** Shaped as the errors seen while stopping PostgreSQL under the app (tests/db/database-loss.test.ts). */
const refused = Object.assign(
  new Error(
    "Invalid `prisma.$queryRawUnsafe()` invocation: Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:40051`",
  ),
  {
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 40051 } } },
  },
);
const terminated = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
const socket = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", errno: -111, syscall: "connect" });
const cut = new Error("Connection terminated unexpectedly");

describe("a lost database", () => {
  it("is told apart from other errors, however it is wrapped", () => {
    for (const error of [refused, terminated, socket, cut, new Error("query failed", { cause: socket }), new AggregateError([socket])]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    }
    const unique = Object.assign(new Error("Unique constraint failed"), { code: "P2002" });
    const syntax = Object.assign(new Error('syntax error at or near "SELEC"'), { code: "42601" });
    for (const error of [unique, syntax, new TypeError("x is undefined"), null, "text"]) expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("is answered 503 with Retry-After and a message to try again, not 500", async () => {
    expect(toAppError(terminated)).toBeInstanceOf(DatabaseUnavailableError);
    const response = errorResponse(refused);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({
      error: { code: "database_unavailable", message: "The database is unavailable. Try again shortly." },
    });
  });
});
