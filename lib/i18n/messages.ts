// The message catalogues: messages/<locale>/<namespace>.json, one file per part of the interface so
// a translator edits one small file at a time. Merged here into { namespace: { key: message } }.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Locale } from "./locales";

export type Messages = Record<string, unknown>;

const cache = new Map<Locale, Messages>();

export function catalogueDir(locale: Locale): string {
  return path.join(process.cwd(), "messages", locale);
}

export function readCatalogue(locale: Locale): Messages {
  const messages: Messages = {};
  for (const file of fs.readdirSync(catalogueDir(locale)).sort()) {
    if (!file.endsWith(".json")) continue;
    messages[file.slice(0, -".json".length)] = JSON.parse(fs.readFileSync(path.join(catalogueDir(locale), file), "utf8"));
  }
  return messages;
}

/** Read once per server process; re-read on every request in development so edits show at once. */
export function loadMessages(locale: Locale): Messages {
  if (process.env.NODE_ENV === "development") return readCatalogue(locale);
  let messages = cache.get(locale);
  if (!messages) cache.set(locale, (messages = readCatalogue(locale)));
  return messages;
}
