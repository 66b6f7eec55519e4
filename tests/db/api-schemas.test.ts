// The documented response schemas (lib/api-docs/api-schemas.ts, the source of /api/openapi.json)
// accept what the API really answers, so the documentation cannot drift from the code.
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  IncidentDetailSchema,
  IncidentListSchema,
  ImportSummarySchema,
  ManifestSchema,
  SourceListSchema,
} from "@/lib/api-docs/api-schemas";
import { createPrismaClient, type Db } from "@/lib/db";
import { exportManifest } from "@/lib/export/export-response";
import { readImportRequest, runImportRequest, summaryBody } from "@/lib/import/import-request";
import { seedKobe } from "@/lib/seed/seed-database";
import { createDatabase } from "./test-database";
import { GET as listGet } from "@/app/api/incidents/route";
import { GET as detailGet } from "@/app/api/incidents/[code]/route";
import { GET as sourcesGet } from "@/app/api/sources/route";

// The routes' POST handlers import the role guards, which refuse to load outside the server runtime.
vi.mock("server-only", () => ({}));

let db: Db;
beforeAll(async () => {
  const { url } = await createDatabase();
  process.env.DATABASE_URL = url;
  db = createPrismaClient(url);
  await seedKobe(db);
  return () => db.$disconnect();
});

describe("documented answers", () => {
  it("GET /api/incidents, /api/incidents/{code} and /api/sources match their schemas", async () => {
    const list = await (await listGet(new Request("http://localhost/api/incidents"))).json();
    expect(IncidentListSchema.parse(list).items).toHaveLength(1);
    const detail = await (
      await detailGet(new Request("http://localhost/api/incidents/MLI-2025-0001"), { params: Promise.resolve({ code: "MLI-2025-0001" }) })
    ).json();
    expect(IncidentDetailSchema.parse(detail).claims).toHaveLength(16);
    // Each claim carries its version, so an API client can assess it without provoking a 409 first.
    const stored = await db.claim.findMany({ select: { id: true, version: true } });
    for (const claim of detail.claims as { id: string; version: number }[])
      expect(claim.version).toBe(stored.find((s) => s.id === claim.id)!.version);
    const sources = await (await sourcesGet()).json();
    expect(SourceListSchema.parse(sources).items.map((s) => s.slug)).toContain("hrw");
  });

  it("the manifest and the import summary match theirs", async () => {
    ManifestSchema.parse(await exportManifest(db, "claims.csv", {}, null));
    const form = new FormData();
    form.set(
      "file",
      new File(
        [
          "incident_code,statement,claimant,metric,category,value_min\nMLI-2025-0001,Two soldiers died later.,afp,killed,security_forces,2\n",
        ],
        "later.csv",
        { type: "text/csv" },
      ),
    );
    form.set("format", "claims");
    form.set("validOnly", "true");
    const input = await readImportRequest(new Request("http://localhost/api/import", { method: "POST", body: form }));
    expect(input).toMatchObject({ format: "claims", validOnly: true, dryRun: false, fileName: "later.csv" });
    const summary = summaryBody(await runImportRequest(db, input, null as unknown as string));
    expect(ImportSummarySchema.parse(summary)).toMatchObject({
      imported: true,
      claimsCreated: 1,
      errorCount: 0,
      incidentCodes: ["MLI-2025-0001"],
    });
  });

  it("a raw CSV body takes its options from the query string", async () => {
    const input = await readImportRequest(
      new Request("http://localhost/api/import?format=acled&dryRun=1&fileName=x.csv", {
        method: "POST",
        body: "a,b\n1,2\n",
        headers: { "content-type": "text/csv" },
      }),
    );
    expect(input).toMatchObject({ format: "acled", dryRun: true, validOnly: false, fileName: "x.csv", text: "a,b\n1,2\n" });
    await expect(readImportRequest(new Request("http://localhost/api/import?format=xml", { method: "POST", body: "a\n" }))).rejects.toThrow(
      /format must be one of/,
    );
  });
});
