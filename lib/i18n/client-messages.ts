// The part of the catalogue that client components read. next-intl hands the provider's messages
// to the browser with every page (in the RSC payload, then again escaped in the HTML): all 30
// namespaces were ~50 KB of each page, about a third of an incident page's HTML, serialized and
// sent on every request. Server components read the whole catalogue on the server; the browser
// gets these paths only. `client-messages.test.ts` walks every client component and what it
// imports, and fails on a message key it could read that is not covered here.
import type { Messages } from "./messages";

/** Namespaces, or paths inside one ("home.filters"), that client components read. */
export const CLIENT_MESSAGE_PATHS = [
  "claimForm",
  "common",
  "dates",
  "fields",
  "figures",
  "flags",
  "forms.conflict",
  "forms.incident",
  "forms.merge",
  "home.filters",
  "home.sort",
  "import",
  "incident.claimStatus",
  "incident.location",
  "incident.timeline",
  "login",
  "map",
  "places.precision",
  "rationale",
  "review",
  "sources.forms",
  "timeline",
  "tokens",
  "trackRecord.charts",
  "users",
  "validation",
  "vocabulary",
] as const;

/** Whether a key (or a key's prefix such as "vocabulary.metric") lies under one of CLIENT_MESSAGE_PATHS. */
export function isClientMessage(key: string): boolean {
  return CLIENT_MESSAGE_PATHS.some((path) => key === path || key.startsWith(`${path}.`));
}

const picks = new WeakMap<Messages, Messages>();

/** The messages under CLIENT_MESSAGE_PATHS, nested as in the catalogue (picked once per catalogue object). */
export function clientMessages(messages: Messages): Messages {
  const known = picks.get(messages);
  if (known) return known;
  const picked: Messages = {};
  for (const path of CLIENT_MESSAGE_PATHS) {
    const parts = path.split(".");
    let from: unknown = messages;
    for (const part of parts) from = from && typeof from === "object" ? (from as Messages)[part] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const part of parts.slice(0, -1)) into = (into[part] ??= {}) as Messages;
    into[parts[parts.length - 1]!] = from;
  }
  picks.set(messages, picked);
  return picked;
}
