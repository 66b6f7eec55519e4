// No interface words outside the catalogues: every JSX text and every human-read attribute
// (aria-label, title, placeholder, alt) in app/ and components/ comes from messages/<locale>/*.json.
// A literal English word in a page would show untranslated to a French reader; this finds it
// before a person does. Symbols (→, ·, ×), numbers and punctuation are not words and may stay.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components"];
const READ_ATTRIBUTES = new Set(["aria-label", "title", "placeholder", "alt", "aria-description", "aria-roledescription"]);
// A word: two letters in a row (any script). "km", "UTC" and the like are caught too — put them in a catalogue.
const WORD = /\p{L}{2,}/u;

/** Names and codes, the same in every language: the product's name, an incident code as an example. */
const NAMES = new Set(["Triangulate"]);
const CODE = /^[A-Z]{3}-\d{4}-\d{4}$/;
const isName = (text: string) => NAMES.has(text.trim()) || CODE.test(text.trim());

function tsxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "api") continue; // route handlers answer in the API's one language
      out.push(...tsxFiles(full));
    } else if (entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx")) out.push(full);
  }
  return out;
}

/** The raw words of one file: "line: text" for each JSX text or read attribute holding a word. */
export function rawWords(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push(`${line}: ${text.trim().replace(/\s+/g, " ")}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORD.test(node.text) && !isName(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression
          : null;
      if (literal && WORD.test(literal.text) && !isName(literal.text)) report(node, `${node.name.getText(source)}="${literal.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = ROOTS.flatMap((root) => tsxFiles(root)).sort();

describe("no interface words outside the catalogues", () => {
  it("finds the pages to check", () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files).toContain(path.join("app", "page.tsx"));
  });

  it("every page and component reads its words from the catalogues", () => {
    const offenders = files.flatMap((file) => rawWords(file).map((word) => `${file}:${word}`));
    expect(offenders).toEqual([]);
  });

  it("catches a raw word in JSX text and in a read attribute, and lets symbols and expressions pass", () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? "/tmp"), "raw-words-"));
    const file = path.join(dir, "sample.tsx");
    fs.writeFileSync(
      file,
      `export const A = () => <p aria-label="Close" title={"Map"}>Save changes {t("x")} → · 34 <span title={t("y")}>×</span></p>;\n`,
    );
    expect(rawWords(file)).toEqual(['1: aria-label="Close"', '1: title="Map"', "1: Save changes"]);
    fs.rmSync(dir, { recursive: true });
  });
});
