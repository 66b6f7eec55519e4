// The browser gets only part of the catalogue, page by page (client-messages.ts). This walks each
// page (and layout, error and not-found file) through what it imports to the client components it
// can render and every module those import (not server actions, not server-only modules), collects
// each message key they could read — a useTranslations namespace, a literal key or the literal
// start of a built one (`vocabulary.metric.${m}`) — and fails on one that the page's
// `<PageMessages paths>` (the layout's: LAYOUT_MESSAGE_PATHS) does not cover: that text would show
// as a missing message in the browser.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_MESSAGE_PATHS, LAYOUT_MESSAGE_PATHS, isClientMessage, pickMessages, type ClientMessagePath } from "./client-messages";
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

const importsOf = (file: string) =>
  // Static imports and dynamic ones (`dynamic(() => import("./location-picker"))`).
  [...sources.get(file)!.matchAll(/(?:from\s+|import\s+|import\(\s*)["']([^"']+)["']/g)]
    .map((match) => resolveImport(file, match[1]!))
    .filter((target): target is string => target !== null);

/** The client-side modules `entry` can render: client components it reaches through server modules, and what they import. */
function clientModulesOf(entry: string): Set<string> {
  const client = new Set<string>();
  const visited = new Set<string>();
  const stack: { file: string; inClient: boolean }[] = [{ file: entry, inClient: false }];
  while (stack.length) {
    const { file, inClient } = stack.pop()!;
    const isClient = inClient || hasDirective(sources.get(file)!, "client");
    if (visited.has(`${isClient}:${file}`)) continue;
    visited.add(`${isClient}:${file}`);
    if (isClient) client.add(file);
    // Server actions and server-only modules imported by a client module stay on the server.
    for (const target of importsOf(file))
      if (!isClient || !runsOnlyOnServer(sources.get(target)!)) stack.push({ file: target, inClient: isClient });
  }
  return client;
}

/** The files Next renders a route with. */
const entries = [...sources.keys()].filter(
  (file) => file.startsWith("app") && /(^|\/)(page|layout|not-found|error|global-error|loading|template|default)\.tsx$/.test(file),
);

/** The paths a page gives its client components; the layout's for the layout and the error and not-found files. */
function pathsOf(entry: string): readonly string[] | null {
  if (!/(^|\/)page\.tsx$/.test(entry)) return LAYOUT_MESSAGE_PATHS;
  const declared = sources.get(entry)!.match(/<PageMessages\s+paths=\{\[([^\]]*)\]\}/);
  return declared ? [...declared[1]!.matchAll(/"([^"]+)"/g)].map((match) => match[1]!) : null;
}

/** "file: key" for each message key (or key prefix) a module could read. */
function messageKeys(file: string): { file: string; key: string }[] {
  const keyPattern = new RegExp(`["'\`]((?:${namespaces.join("|")})(?:\\.[A-Za-z0-9_]+)*)(?:\\.\\$\\{|["'\`.])`, "g");
  return [...sources.get(file)!.matchAll(keyPattern)].map((match) => ({ file, key: match[1]! }));
}

describe("each page's part of the catalogue for the browser", () => {
  const byEntry = new Map(entries.map((entry) => [entry, clientModulesOf(entry)]));

  it("finds the pages, their client components and what those import", () => {
    expect(entries).toContain(path.join("app", "layout.tsx"));
    expect(entries).toContain(path.join("app", "incidents", "[code]", "page.tsx"));
    const home = byEntry.get(path.join("app", "page.tsx"))!;
    expect(home).toContain(path.join("app", "map-popup.tsx"));
    expect(home).toContain(path.join("lib", "format", "localized-figures.ts"));
    // Server actions run on the server: their words are not the browser's.
    expect([...byEntry.values()].some((modules) => [...modules].some((file) => runsOnlyOnServer(sources.get(file)!)))).toBe(false);
  });

  it("reaches every client component from some page, so none escapes the check", () => {
    const reached = new Set([...byEntry.values()].flatMap((modules) => [...modules]));
    const clientComponents = [...sources].filter(([, text]) => hasDirective(text, "client")).map(([file]) => file);
    expect(clientComponents.length).toBeGreaterThan(20);
    expect(clientComponents.filter((file) => !reached.has(file))).toEqual([]);
  });

  it("covers, on every page, each key its client components could read", () => {
    const uncovered: string[] = [];
    let keys = 0;
    for (const [entry, modules] of byEntry) {
      const read = [...modules].flatMap(messageKeys);
      keys += read.length;
      const paths = pathsOf(entry);
      if (read.length && !paths) {
        uncovered.push(`${entry}: renders client components that read messages, without <PageMessages paths={[…]}>`);
        continue;
      }
      for (const { file, key } of read)
        if (!paths!.some((p) => key === p || key.startsWith(`${p}.`))) uncovered.push(`${entry} → ${file}: ${key}`);
    }
    expect(keys).toBeGreaterThan(50);
    expect(uncovered).toEqual([]);
  });

  it("names only paths of the catalogue that some client component reads", () => {
    for (const entry of entries) for (const p of pathsOf(entry) ?? []) expect(isClientMessage(p), `${entry}: ${p}`).toBe(true);
    expect(isClientMessage("vocabulary.metric")).toBe(true);
    expect(isClientMessage("apiDocs")).toBe(false);
  });

  it("picks each path whole and nothing else; an incident page gets a fraction of the catalogue", () => {
    const incidentPaths = pathsOf(path.join("app", "incidents", "[code]", "page.tsx")) as ClientMessagePath[];
    for (const locale of ["en", "fr"] as const) {
      const catalogue = readCatalogue(locale);
      const read = (from: unknown, keyPath: string) =>
        keyPath.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], from);
      const all = pickMessages(catalogue, CLIENT_MESSAGE_PATHS);
      for (const keyPath of CLIENT_MESSAGE_PATHS) expect(read(all, keyPath), keyPath).toEqual(read(catalogue, keyPath));
      expect(all).not.toHaveProperty("apiDocs");
      expect(all).not.toHaveProperty("trackRecord.page");
      expect(all).toHaveProperty("trackRecord.charts");
      // The same object for the same paths: picked once, not per request.
      expect(pickMessages(catalogue, incidentPaths)).toBe(pickMessages(catalogue, incidentPaths));
      const incident = pickMessages(catalogue, incidentPaths);
      expect(Object.keys(incident).sort()).toEqual([...new Set(incidentPaths.map((p) => p.split(".")[0]!))].sort());
      expect(incident).not.toHaveProperty("claimForm");
      expect(pickMessages(catalogue, LAYOUT_MESSAGE_PATHS)).toEqual({ common: catalogue.common });
      // An incident page sends less than a quarter of what every client component together reads.
      expect(JSON.stringify(incident).length).toBeLessThan(JSON.stringify(all).length / 4);
    }
  });
});
