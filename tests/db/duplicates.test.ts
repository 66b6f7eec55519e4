// Duplicate detection reads through the app's shared client, so this file points DATABASE_URL at
// its own database before importing it.
import { beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "./test-database";

let findLikelyDuplicates: typeof import("@/lib/incidents/duplicate-queries").findLikelyDuplicates;

beforeAll(async () => {
  const { url } = await createDatabase();
  process.env.DATABASE_URL = url;
  const { createPrismaClient } = await import("@/lib/db");
  const db = createPrismaClient(url);
  const { seedKobe } = await import("@/lib/seed/seed-database");
  await seedKobe(db);
  await db.$disconnect();
  ({ findLikelyDuplicates } = await import("@/lib/incidents/duplicate-queries"));
});

describe("likely duplicates", () => {
  it("finds Kobé from an unaccented, partial title", async () => {
    const found = await findLikelyDuplicates({ title: "Kobe convoy" });
    expect(found.map((d) => d.code)).toEqual(["MLI-2025-0001"]);
    expect(found[0]?.reason).toMatch(/similar title/);
  });

  it("tolerates a typo", async () => {
    expect((await findLikelyDuplicates({ title: "civilain convoi near Kobe" })).map((d) => d.code)).toContain("MLI-2025-0001");
  });

  it("finds an incident within 3 days and 50 km whatever its title", async () => {
    const found = await findLikelyDuplicates({ title: "Something else", dateStart: "2025-02-09", latitude: 16.1, longitude: 0.3 });
    expect(found[0]).toMatchObject({ code: "MLI-2025-0001", reason: expect.stringMatching(/within 3 days/) });
    expect(found[0]!.distanceKm).toBeLessThan(50);
  });

  it("does not flag incidents far away in time or space with unrelated titles", async () => {
    expect(await findLikelyDuplicates({ title: "Shelling of a market", dateStart: "2025-02-20", latitude: 16.1, longitude: 0.3 })).toEqual(
      [],
    );
    expect(await findLikelyDuplicates({ title: "Shelling of a market", dateStart: "2025-02-08", latitude: 12.6, longitude: -8.0 })).toEqual(
      [],
    );
  });
});
