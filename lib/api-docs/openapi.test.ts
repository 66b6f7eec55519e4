import fs from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { EXPORT_FILES } from "@/lib/export/export-registry";
import { CLAIMS_COLUMNS, FIGURES_COLUMNS } from "@/lib/export/columns";
import { FILTER_KEYS } from "@/lib/filters/filter-url";
import { SOURCES_COLUMNS } from "@/lib/export/sources-export";
import { openApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("is a valid OpenAPI 3.1 document (checked by swagger-parser against the OpenAPI schema)", async () => {
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(JSON.parse(JSON.stringify(doc)))).resolves.toBeTruthy();
  });

  it("covers every route handler under app/api, with every method it exports", () => {
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === "route.ts") routes.push(full);
      }
    };
    walk(path.resolve("app/api"));
    expect(routes.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const file of routes) {
      const route = `/${path.relative(path.resolve("app"), path.dirname(file)).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
      const source = fs.readFileSync(file, "utf8");
      const methods = [...source.matchAll(/export (?:async function|const) (GET|POST|PATCH|PUT|DELETE)\b/g)].map((m) =>
        m[1]!.toLowerCase(),
      );
      // The export route serves one documented path per file.
      const paths = route === "/api/export/{file}" ? EXPORT_FILES.map((f) => `/api/export/${f}`) : [route];
      for (const p of paths)
        for (const method of methods)
          if (!(doc.paths[p] as Record<string, unknown> | undefined)?.[method]) missing.push(`${method.toUpperCase()} ${p}`);
    }
    expect(missing).toEqual([]);
  });

  it("documents the read endpoints, the exports and the import", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/incidents",
        "/api/incidents/{code}",
        "/api/sources",
        "/api/export/figures.csv",
        "/api/export/claims.csv",
        "/api/export/manifest",
        "/api/import",
        "/api/figure-queue",
        "/api/sources/{slug}/track-record",
        "/api/export/sources.csv",
      ]),
    );
  });

  it("takes its parameters from the shared filter schema", () => {
    const names = (path: string) => doc.paths[path]!.get!.parameters!.map((p) => p.name);
    for (const key of FILTER_KEYS) {
      expect(names("/api/incidents")).toContain(key);
      expect(names("/api/export/figures.csv")).toContain(key);
    }
    expect(names("/api/export/figures.csv")).toContain("method");
    expect(names("/api/export/claims.csv")).not.toContain("method");
    for (const key of [...FILTER_KEYS, "slug", "metric", "category"]) expect(names("/api/sources/{slug}/track-record")).toContain(key);
    const method = doc.paths["/api/export/figures.csv"]!.get!.parameters!.find((p) => p.name === "method")!;
    expect(method.schema).toMatchObject({ enum: ["source_priority", "conservative", "median"] });
    expect(doc.paths["/api/incidents"]!.get!.parameters!.every((p) => p.description.length > 0)).toBe(true);
  });

  it("lists every CSV column with a description", () => {
    const columns = (path: string) => doc.paths[path]!.get!.responses["200"]!.content!["text/csv"]!["x-csv-columns"]!;
    expect(columns("/api/export/figures.csv").map((c) => c.name)).toEqual([...FIGURES_COLUMNS]);
    expect(columns("/api/export/claims.csv").map((c) => c.name)).toEqual([...CLAIMS_COLUMNS]);
    expect(columns("/api/export/figures.csv").every((c) => c.description.length > 0)).toBe(true);
    expect(columns("/api/export/sources.csv").map((c) => c.name)).toEqual([...SOURCES_COLUMNS]);
    expect(columns("/api/export/sources.csv").every((c) => c.description.length > 0)).toBe(true);
  });

  it("documents the statement parser's answer with its reason codes", () => {
    const response = doc.paths["/api/statements/parse"]?.post?.responses["200"] as { content: Record<string, { schema: unknown }> };
    expect(response.content["application/json"]!.schema).toEqual({ $ref: "#/components/schemas/StatementParse" });
    const schema = doc.components.schemas.StatementParse as {
      properties: { unresolved: { items: { properties: Record<string, { enum?: string[] }>; required: string[] } } };
    };
    const unresolved = schema.properties.unresolved.items;
    expect(unresolved.required).toEqual(expect.arrayContaining(["text", "reasonCode", "values", "reason"]));
    expect(unresolved.properties.reasonCode!.enum).toEqual(expect.arrayContaining(["vague_quantity", "outside_vocabulary", "no_figure"]));
  });

  it("every $ref points at a component schema", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref);
    expect(doc.components.schemas.Figure).toMatchObject({ type: "object", required: expect.arrayContaining(["low", "best", "high"]) });
  });
});
