// Stable human codes: ISO3-YEAR-NNNN, numbered per country and year (MLI-2025-0001).
import "server-only";
import type { Tx } from "@/lib/db";

export async function nextIncidentCode(tx: Tx, countryIso3: string, dateStart: string): Promise<string> {
  const prefix = `${countryIso3}-${dateStart.slice(0, 4)}-`;
  // Two editors creating incidents for the same country-year must not get the same number.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${prefix}))`;
  const rows = await tx.$queryRaw<{ n: number | null }[]>`
    SELECT max(substring("code" FROM ${prefix.length + 1}::int)::int) AS n
    FROM "Incident" WHERE "code" LIKE ${prefix + "%"} AND substring("code" FROM ${prefix.length + 1}::int) ~ '^[0-9]+$'`;
  const next = (rows[0]?.n ?? 0) + 1;
  return `${prefix}${String(next).padStart(4, "0")}`;
}
