// The map/timeline cache answers from memory until an incident changes, then recomputes.
import { beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "./test-database";

let cache: typeof import("@/lib/cache/data-version-cache");
let db: import("@/lib/db").Db;

beforeAll(async () => {
  const { url } = await createDatabase();
  process.env.DATABASE_URL = url;
  ({ db } = await import("@/lib/db"));
  const { seedKobe } = await import("@/lib/seed/seed-database");
  await seedKobe(db);
  cache = await import("@/lib/cache/data-version-cache");
});

describe("cachedByDataVersion", () => {
  it("computes once while the data is unchanged, and again after any incident changes", async () => {
    let computed = 0;
    const read = () => cache.cachedByDataVersion("k", async () => ++computed);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    const { assessClaim } = await import("@/lib/claims/claim-commands");
    const claim = await db.claim.findFirstOrThrow({
      where: { claimant: { slug: "mali-government" }, metric: "killed", category: "civilians" },
    });
    await assessClaim(
      db,
      { claimId: claim.id, expectedVersion: claim.version, assessment: "not_credible", reason: "Test: invalidates the cache." },
      null,
    );
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
  });
});
