import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { incidentFilterSql } from "@/lib/incidents/incident-filter-sql";
import { inlineSql, sqlIdentifier, sqlLiteral } from "./sql-literal";

describe("sqlLiteral", () => {
  it("quotes strings the way PostgreSQL reads them back", () => {
    expect(sqlLiteral("Gao")).toBe("'Gao'");
    expect(sqlLiteral("Cote d'Ivoire")).toBe("'Cote d''Ivoire'");
    expect(sqlLiteral('\'; DROP TABLE "Incident"; --')).toBe("'''; DROP TABLE \"Incident\"; --'");
    // A backslash makes pg write an escape string, with its backslashes doubled.
    expect(sqlLiteral("a\\b'")).toBe(" E'a\\\\b'''");
    expect(sqlLiteral("100%_done")).toBe("'100%_done'");
  });

  it("writes finite numbers in parentheses, so a minus sign never starts a comment", () => {
    expect(sqlLiteral(-5)).toBe("(-5)");
    expect(sqlLiteral(0.00001)).toBe("(0.00001)");
    expect(sqlLiteral(1e-7)).toBe("(1e-7)");
    expect(`i."x" - ${sqlLiteral(-1)}`).toBe('i."x" - (-1)');
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) expect(() => sqlLiteral(bad)).toThrow(/finite/);
  });

  it("refuses what it cannot write safely", () => {
    expect(() => sqlLiteral("a\u0000b")).toThrow(/NUL/);
    expect(() => sqlLiteral(new Date())).toThrow(/no SQL literal/);
    expect(() => sqlLiteral(["a"])).toThrow(/no SQL literal/);
    expect(() => sqlLiteral({ toString: () => "1" })).toThrow(/no SQL literal/);
    expect(sqlLiteral(null)).toBe("NULL");
    expect(sqlLiteral(true)).toBe("TRUE");
  });

  it("quotes identifiers", () => {
    expect(sqlIdentifier("Incident")).toBe('"Incident"');
    expect(sqlIdentifier('a"b')).toBe('"a""b"');
  });
});

describe("inlineSql", () => {
  it("writes a fragment's bound values in place, joined lists included", () => {
    const sql = Prisma.sql`x BETWEEN ${-2.5} AND ${3} AND y IN (${Prisma.join(["a", "b'c"])}) AND z ILIKE ${"%50\\%%"}`;
    expect(inlineSql(sql)).toBe("x BETWEEN (-2.5) AND (3) AND y IN ('a','b''c') AND z ILIKE  E'%50\\\\%%'");
    expect(inlineSql(Prisma.sql`TRUE`)).toBe("TRUE");
  });

  it("inlines every form of the incident filter", () => {
    const text = inlineSql(
      incidentFilterSql({
        bbox: { minLon: 170, minLat: -10.5, maxLon: -170, maxLat: 10 },
        from: "2024-01-01",
        to: "2024-12-31",
        country: ["MLI", "BFA"],
        admin1: ["Gao"],
        eventType: ["Battles"],
        actor: "50%_o'k",
        claimant: ["hrw"],
        claimantKind: ["ngo"],
        grading: ["fair"],
        flag: ["contested"],
        minKilled: 3,
      }),
    );
    expect(text).toContain(`i."latitude" BETWEEN (-10.5) AND (10)`);
    expect(text).toContain(`(i."longitude" >= (170) OR i."longitude" <= (-170))`);
    expect(text).toContain(`i."dateEnd" >= '2024-01-01'::date`);
    expect(text).toContain(`i."countryIso3" IN ('MLI','BFA')`);
    expect(text).toContain(`ILIKE  E'%50\\\\%\\\\_o''k%'`);
    expect(text).toContain(`ARRAY['contested']::"Flag"[]`);
    expect(text).toContain(`i."headlineBest" >= (3)`);
    expect(text).not.toMatch(/\$\d/);
  });
});
