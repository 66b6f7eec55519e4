// The catalogues stay in step: every key in every language, the same placeholders in each, and
// every message valid ICU. A translator who misses a key (or renames a {placeholder}) fails here.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { catalogueDir, readCatalogue } from "./messages";

function flatten(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) for (const [k, v] of flatten(inner, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  } else throw new Error(`${prefix}: a message must be text or a group of messages, not ${JSON.stringify(value)}`);
  return out;
}

/** The names a message's placeholders use ({count}, {source}, <link>…</link>), wherever they sit. */
function argumentNames(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    names.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentNames(option.value, names);
    }
    if (element.type === TYPE.tag) argumentNames(element.children, names);
  }
  return names;
}

const catalogues = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(readCatalogue(locale))]));
const [first, ...others] = LOCALES;

describe("message catalogues", () => {
  it("have the same files in every language", () => {
    const files = (locale: string) => fs.readdirSync(catalogueDir(locale as never)).sort();
    for (const locale of others) expect(files(locale), locale).toEqual(files(first));
  });

  it.each(others)("%s has exactly the keys English has", (locale) => {
    const missing = [...catalogues[first]!.keys()].filter((key) => !catalogues[locale]!.has(key));
    const extra = [...catalogues[locale]!.keys()].filter((key) => !catalogues[first]!.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(LOCALES)("%s: every message is non-empty ICU", (locale) => {
    const broken: string[] = [];
    for (const [key, message] of catalogues[locale]!) {
      if (!message.trim()) broken.push(`${key}: empty`);
      try {
        parse(message);
      } catch (error) {
        broken.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it.each(others)("%s uses the same placeholders as English in every message", (locale) => {
    const differ: string[] = [];
    for (const [key, message] of catalogues[first]!) {
      const theirs = catalogues[locale]!.get(key);
      if (theirs === undefined) continue;
      const a = [...argumentNames(parse(message))].sort().join(",");
      const b = [...argumentNames(parse(theirs))].sort().join(",");
      if (a !== b) differ.push(`${key}: {${a}} vs {${b}}`);
    }
    expect(differ).toEqual([]);
  });
});
