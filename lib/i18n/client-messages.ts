// The parts of the catalogue that client components read. next-intl hands a provider's messages
// to the browser with every page (in the RSC payload, then again escaped in the HTML): all 30
// namespaces were ~50 KB of each page, about a third of an incident page's HTML, serialized and
// sent on every request; the client components' part of it, ~29 KB, still a fifth of the Kobé
// page. So each page sends only what its own client components read: the root layout's provider
// holds LAYOUT_MESSAGE_PATHS (the site header), and a page with client components wraps itself in
// `<PageMessages paths={[…]}>` (components/page-messages.tsx) naming its paths. Server components
// read the whole catalogue on the server. `client-messages.test.ts` walks each page's client
// components and what they import, and fails on a message key its paths do not cover.
import type { Messages } from "./messages";

/** Namespaces, or paths inside one ("home.filters"), that some client component reads. */
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
  "map.attribution",
  "map.zoomIn",
  "map.zoomOut",
  "parser",
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
  "vocabulary.category",
  "vocabulary.metric",
] as const;

export type ClientMessagePath = (typeof CLIENT_MESSAGE_PATHS)[number];

/** What the root layout's client components (the site header's language switcher) and the error pages read. */
export const LAYOUT_MESSAGE_PATHS: readonly ClientMessagePath[] = ["common"];

/** Whether a key (or a key's prefix such as "vocabulary.metric") lies under one of CLIENT_MESSAGE_PATHS. */
export function isClientMessage(key: string): boolean {
  return CLIENT_MESSAGE_PATHS.some((path) => key === path || key.startsWith(`${path}.`));
}

const picks = new WeakMap<Messages, Map<string, Messages>>();

/** The messages under `paths`, nested as in the catalogue (picked once per catalogue object and list of paths). */
export function pickMessages(messages: Messages, paths: readonly ClientMessagePath[]): Messages {
  let byPaths = picks.get(messages);
  if (!byPaths) picks.set(messages, (byPaths = new Map()));
  const id = paths.join(" ");
  const known = byPaths.get(id);
  if (known) return known;
  const picked: Messages = {};
  for (const path of paths) {
    const parts = path.split(".");
    let from: unknown = messages;
    for (const part of parts) from = from && typeof from === "object" ? (from as Messages)[part] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const part of parts.slice(0, -1)) into = (into[part] ??= {}) as Messages;
    into[parts[parts.length - 1]!] = from;
  }
  byPaths.set(id, picked);
  return picked;
}
