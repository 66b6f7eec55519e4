// Several app servers on one PostgreSQL share its work safely: two figure workers, each with its
// own pool as two servers have, serve every queued request exactly once between them; and an
// import on one server waits for an import running on another (the advisory lock is the
// database's, not the process's). The HTTP side (sessions, caches) is tests/e2e/two-servers.spec.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { endRawPools, withRawTransaction } from "@/lib/db/raw-pg";
import { queueFigureRefresh, refreshQueuedBatch } from "@/lib/figures/figure-queue";
import { seedKobe } from "@/lib/seed/seed-database";
import { csv, importText } from "./import-support";
import { insertIncidents } from "./synthetic-incidents";
import { createDatabase } from "./test-database";

let url: string;
/** The same database under two names: separate raw pools, as two server processes have. */
let serverA: string;
let serverB: string;
let dbA: Db;
let dbB: Db;

beforeAll(async () => {
  ({ url } = await createDatabase());
  serverA = `${url}?application_name=server-a`;
  serverB = `${url}?application_name=server-b`;
  dbA = createPrismaClient(serverA);
  dbB = createPrismaClient(serverB);
  await seedKobe(dbA);
  await insertIncidents(
    dbA,
    Array.from({ length: 600 }, (_, i) => ({
      code: `NER-2024-${String(i + 1).padStart(4, "0")}`,
      dateStart: "2024-05-01",
      latitude: 14 + (i % 30) / 10,
      longitude: 1 + (i % 20) / 10,
    })),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all([dbA.$disconnect(), dbB.$disconnect()]);
  await endRawPools();
});

describe("two servers on one database", () => {
  it("drain the figure queue together, each request served exactly once", async () => {
    const ids = (await dbA.incident.findMany({ select: { id: true } })).map((i) => i.id);
    // Every incident queued twice (two imports touching it), as many requests as there are.
    await withRawTransaction(
      async (client) => {
        await queueFigureRefresh(client, ids, null, new Date().toISOString());
        await queueFigureRefresh(client, ids, null, new Date().toISOString());
      },
      { url: serverA },
    );
    const queued = ids.length * 2;

    // Both workers take small batches at the same time until neither finds anything left.
    const drain = async (server: string) => {
      let served = 0;
      for (;;) {
        const batch = await refreshQueuedBatch(server, 25);
        if (!batch.requests) return served;
        served += batch.requests;
      }
    };
    const [a, b] = await Promise.all([drain(serverA), drain(serverB)]);
    expect(a + b).toBe(queued); // more would mean a request served by both
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(await dbB.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "FigureRefreshRequest"`).toEqual([{ n: 0 }]);
  }, 120_000);

  it("run one import at a time: an import on one server waits while another server's import holds the lock", async () => {
    const header = ["event_id_cnty", "event_date", "event_type", "country", "location", "latitude", "longitude", "fatalities"];
    const file = (prefix: string) =>
      csv(
        header,
        Array.from({ length: 20 }, (_, i) => [`${prefix}${i}`, "2025-04-01", "Battles", "Niger", `Place ${i}`, "13.5", "2.1", "1"]),
      );

    // Server A's import is running: it holds the import lock in its transaction.
    let releaseA!: () => void;
    const aHolds = new Promise<void>((resolve) => (releaseA = resolve));
    let aLocked!: () => void;
    const aHasLock = new Promise<void>((resolve) => (aLocked = resolve));
    const importA = withRawTransaction(
      async (client) => {
        await client.query(`SELECT pg_advisory_xact_lock(hashtext('triangulate:import'))`);
        aLocked();
        await aHolds;
      },
      { url: serverA },
    );
    await aHasLock;

    let bDone = false;
    const importB = importText(dbB, "acled", file("SRVB")).then((summary) => {
      bDone = true;
      return summary;
    });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(bDone).toBe(false);
    expect(await dbA.incident.count({ where: { acledEventId: { startsWith: "SRVB" } } })).toBe(0);

    releaseA();
    await importA;
    const summary = await importB;
    expect(summary.imported).toBe(true);
    expect(await dbA.incident.count({ where: { acledEventId: { startsWith: "SRVB" } } })).toBe(20);

    // Two real imports at once, one per server: both complete, with distinct incident codes.
    const [one, two] = await Promise.all([importText(dbA, "acled", file("PARA")), importText(dbB, "acled", file("PARB"))]);
    expect(one.imported && two.imported).toBe(true);
    const codes = await dbA.incident.findMany({
      where: { OR: [{ acledEventId: { startsWith: "PARA" } }, { acledEventId: { startsWith: "PARB" } }] },
      select: { code: true },
    });
    expect(new Set(codes.map((c) => c.code)).size).toBe(40);
  }, 120_000);
});
