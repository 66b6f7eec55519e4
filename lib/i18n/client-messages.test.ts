// The browser gets only part of the catalogue (client-messages.ts). This walks every client
// component ("use client") and every module it imports (not server actions, not server-only
// modules), collects each message key they could read — a useTranslations namespace, a literal key
// or the literal start of a built one (`vocabulary.metric.${m}`) — and fails on one that the
// browser's part does not cover: that text would show as a missing message in the browser.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_MESSAGE_PATHS, clientMessages, isClientMessage } from "./client-messages";
import { readCatalogue } from "./messages";

const ROOTS = ["app", "components", "lib"];
const namespaces = fs
  .readdirSync(path.join("messages", "en"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -".json".length));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const sources = new Map(ROOTS.flatMap(sourceFiles).map((file) => [file, fs.readFileSync(file, "utf8")]));
/** A directive at the top of a module, after comments. */
const hasDirective = (text: string, directive: string) =>
  new RegExp(`^\\s*(?:(?://[^\\n]*\\n|/\\*[\\s\\S]*?\\*/)\\s*)*["']use ${directive}["']`).test(text);
const runsOnlyOnServer = (text: string) => hasDirective(text, "server") || /^import "server-only";/m.test(text);

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.join(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  return [base, `${base}.ts`, `${base}.tsx`].find((candidate) => sources.has(candidate)) ?? null;
}

/** Every module a browser bundle can hold: the client components and what they import. */
function clientGraph(): string[] {
  const seen = new Set<string>();
  const stack = [...sources].filter(([, text]) => hasDirective(text, "client")).map(([file]) => file);
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of sources.get(file)!.matchAll(/(?:from|import)\s+["']([^"']+)["']/g)) {
      const target = resolveImport(file, match[1]!);
      if (target && !runsOnlyOnServer(sources.get(target)!)) stack.push(target);
    }
  }
  return [...seen].sort();
}

/** "file: key" for each message key (or key prefix) a module could read. */
function messageKeys(file: string): { file: string; key: string }[] {
  const keyPattern = new RegExp(`["'\`]((?:${namespaces.join("|")})(?:\\.[A-Za-z0-9_]+)*)(?:\\.\\$\\{|["'\`.])`, "g");
  return [...sources.get(file)!.matchAll(keyPattern)].map((match) => ({ file, key: match[1]! }));
}

describe("the catalogue's part for the browser", () => {
  const graph = clientGraph();

  it("finds the client components and what they import", () => {
    expect(graph.length).toBeGreaterThan(40);
    expect(graph).toContain(path.join("app", "map-popup.tsx"));
    expect(graph).toContain(path.join("lib", "format", "localized-figures.ts"));
    // Server actions run on the server: their words are not the browser's.
    expect(graph.some((file) => runsOnlyOnServer(sources.get(file)!))).toBe(false);
  });

  it("covers every key a client component could read", () => {
    const keys = graph.flatMap(messageKeys);
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.filter(({ key }) => !isClientMessage(key)).map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
  });

  it("leaves out what only the server reads, and keeps every path it names", () => {
    for (const locale of ["en", "fr"] as const) {
      const catalogue = readCatalogue(locale);
      const picked = clientMessages(catalogue);
      const pickedJson = JSON.stringify(picked);
      // Each path is there, with the same messages as the catalogue.
      for (const keyPath of CLIENT_MESSAGE_PATHS) {
        const read = (from: unknown) =>
          keyPath.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], from);
        expect(read(picked), keyPath).toEqual(read(catalogue));
      }
      expect(picked).not.toHaveProperty("apiDocs");
      expect(picked).not.toHaveProperty("trackRecord.page");
      expect(picked).toHaveProperty("trackRecord.charts");
      // Less than two thirds of the whole catalogue goes to the browser.
      expect(pickedJson.length).toBeLessThan(JSON.stringify(catalogue).length * 0.66);
    }
  });
});
