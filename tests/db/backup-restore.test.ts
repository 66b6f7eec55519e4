// npm run db:backup / db:restore (lib/db/backup.ts): a backup restored into an empty database
// gives byte-identical exports; it is one snapshot even while writes go on; a non-empty database,
// a damaged file and a backup of unknown migrations are refused.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaim } from "@/lib/claims/claim-commands";
import { createPrismaClient, type Db } from "@/lib/db";
import { BackupError, backupDatabase, readBackupManifest, restoreDatabase } from "@/lib/db/backup";
import { EXPORT_FILES } from "@/lib/export/export-registry";
import { createIncident } from "@/lib/incidents/incident-commands";
import { seedKobe } from "@/lib/seed/seed-database";
import { exportBytes } from "./export-support";
import { createDatabase } from "./test-database";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "triangulate-backup-"));
const clients: Db[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  fs.rmSync(dir, { recursive: true, force: true });
});

function client(url: string): Db {
  const db = createPrismaClient(url);
  clients.push(db);
  return db;
}

const incident = (n: number) => ({
  title: `Backup test incident ${n}`,
  summary: "Test incident.",
  dateStart: "2025-03-01",
  dateEnd: "2025-03-01",
  placeName: "Test place",
  countryIso3: "MLI",
  latitude: 15 + n / 100,
  longitude: 0.5,
  locationPrecision: 2,
  eventType: "Battles",
  actors: [{ name: "Test group", role: "alleged_perpetrator" as const }],
});

let sourceUrl: string;
let source: Db;
beforeAll(async () => {
  ({ url: sourceUrl } = await createDatabase());
  source = client(sourceUrl);
  await seedKobe(source);
  // Some claims of our own beside the seed's, with text that COPY must escape (newline, tab, backslash, quote).
  const witness = await source.source.create({ data: { slug: "backup-witness", name: "A witness\twith a tab", kind: "witness" } });
  for (let n = 0; n < 3; n++) {
    const created = await createIncident(source, incident(n), null);
    await addClaim(
      source,
      {
        incidentCode: created.code,
        claimantId: witness.id,
        metric: "killed",
        category: "civilians",
        valueMin: 3 + n,
        valueMax: 5 + n,
        qualifier: "range",
        statement: `Line one\nline "two" \\ ${n}`,
      },
      null,
    );
  }
});

describe("backup and restore", { timeout: 120_000 }, () => {
  it("restores into an empty database with every export byte-identical", async () => {
    const file = path.join(dir, "round-trip.backup.gz");
    const manifest = await backupDatabase(sourceUrl, file);
    expect(manifest.migrations.length).toBeGreaterThan(5);
    expect(manifest.tables.find((t) => t.name === "Claim")?.rows).toBeGreaterThan(10);
    expect(await readBackupManifest(file)).toEqual(manifest);

    const { url: targetUrl } = await createDatabase({ template: null });
    const report = await restoreDatabase(targetUrl, file);
    expect(report.rows).toBe(manifest.tables.reduce((sum, t) => sum + t.rows, 0));
    const target = client(targetUrl);
    for (const name of EXPORT_FILES) {
      const [before, after] = [await exportBytes(source, name), await exportBytes(target, name)];
      expect(after.length, name).toBeGreaterThan(100);
      expect(after.equals(before), name).toBe(true);
    }
    expect(
      (await exportBytes(target, "figures.csv", {}, "conservative")).equals(await exportBytes(source, "figures.csv", {}, "conservative")),
    ).toBe(true);

    // Sequences continue where they were: the next audit event gets a fresh id in both.
    const next = await createIncident(target, incident(9), null);
    expect(next.code).toBe((await createIncident(source, incident(9), null)).code);

    // A second restore into the now non-empty database is refused, and changes nothing…
    await expect(restoreDatabase(targetUrl, file)).rejects.toThrow(/not empty.*--force/);
    expect(await target.incident.count()).toBe(manifest.tables.find((t) => t.name === "Incident")!.rows + 1);
    // …unless forced, which replaces everything.
    await target.$disconnect();
    await restoreDatabase(targetUrl, file, { force: true });
    expect((await exportBytes(client(targetUrl), "claims.csv")).equals(await exportBytes(source, "claims.csv"))).toBe(true);
  });

  it("is one snapshot: writes committed while it runs are in none of its tables", async () => {
    const file = path.join(dir, "concurrent.backup.gz");
    const before = await source.incident.count();
    let written = 0;
    // A write between every two tables: with one transaction per table, the later tables would hold rows the earlier ones lack.
    const manifest = await backupDatabase(sourceUrl, file, {
      afterTable: async () => {
        await createIncident(source, incident(100 + written++), null);
      },
    });
    // And writes racing the backup the whole time.
    expect(written).toBeGreaterThan(5);
    expect(manifest.tables.find((t) => t.name === "Incident")!.rows).toBe(before);
    const { url: targetUrl } = await createDatabase({ template: null });
    await restoreDatabase(targetUrl, file);
    const target = client(targetUrl);
    expect(await target.incident.count()).toBe(before);
    // Every incident has its creation audited, and no audit event refers to an incident missing from the backup.
    const orphans = await target.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "AuditEvent" a WHERE a.action = 'incident.create' AND NOT EXISTS (SELECT 1 FROM "Incident" i WHERE i.id = a."incidentId")`;
    expect(orphans[0]!.n).toBe(0);
    const actors = await target.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM "IncidentActor" x WHERE NOT EXISTS (SELECT 1 FROM "Incident" i WHERE i.id = x."incidentId")`;
    expect(actors[0]!.n).toBe(0);
    expect(await target.incident.count()).toBeLessThan(await source.incident.count());
  });

  it("runs while the app writes concurrently, and the restore is consistent", async () => {
    const file = path.join(dir, "racing.backup.gz");
    let stop = false;
    let made = 0;
    const writer = (async () => {
      while (!stop) {
        await createIncident(source, incident(500 + made++), null);
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    const manifest = await backupDatabase(sourceUrl, file);
    stop = true;
    await writer;
    const { url: targetUrl } = await createDatabase({ template: null });
    await restoreDatabase(targetUrl, file); // checks every table's row count against the manifest
    const target = client(targetUrl);
    const [incidents, audited] = await Promise.all([
      target.incident.count(),
      target.auditEvent.count({ where: { action: "incident.create" } }),
    ]);
    expect(incidents).toBe(manifest.tables.find((t) => t.name === "Incident")!.rows);
    // Seed incidents are not audited as created: compare only ours.
    const ours = await target.incident.count({ where: { title: { startsWith: "Backup test incident" } } });
    expect(audited).toBeGreaterThanOrEqual(ours);
    const orphans = await target.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "AuditEvent" a WHERE a.action = 'incident.create' AND NOT EXISTS (SELECT 1 FROM "Incident" i WHERE i.id = a."incidentId")`;
    expect(orphans[0]!.n).toBe(0);
  });

  it("refuses a damaged file, a file that is not a backup, and a backup made at unknown migrations", async () => {
    const good = path.join(dir, "round-trip.backup.gz");
    const { url: targetUrl } = await createDatabase({ template: null });

    const notBackup = path.join(dir, "not-a-backup.gz");
    fs.writeFileSync(notBackup, zlib.gzipSync("incident_code,best\nX,1\n"));
    await expect(restoreDatabase(targetUrl, notBackup)).rejects.toBeInstanceOf(BackupError);

    const truncated = path.join(dir, "truncated.gz");
    const text = zlib.gunzipSync(fs.readFileSync(good));
    fs.writeFileSync(truncated, zlib.gzipSync(text.subarray(0, text.length - 200)));
    await expect(restoreDatabase(targetUrl, truncated, { force: true })).rejects.toThrow(/truncated/);

    const newer = path.join(dir, "newer.gz");
    const manifest = JSON.parse(text.subarray(0, text.indexOf(10)).toString());
    manifest.migrations.push({ name: "29990101000000_from_the_future", checksum: "0" });
    fs.writeFileSync(
      newer,
      zlib.gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(manifest)}\n`), text.subarray(text.indexOf(10) + 1)])),
    );
    await expect(restoreDatabase(targetUrl, newer, { force: true })).rejects.toThrow(/newer Triangulate.*29990101000000_from_the_future/);
  });
});
