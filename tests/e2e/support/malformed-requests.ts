// Generated malformed requests for the fuzz test (tests/e2e/security-fuzz.spec.ts): for every
// route under app/api (read from the file tree, so a new route cannot be missed) and the pages,
// requests whose path, query, headers or body are wrong in the ways attackers and broken clients
// are wrong. Every body sent to a mutation holds at least one value no schema may accept (a NUL,
// a lone surrogate, a non-JSON or unreadable body, a bad path segment), so none of them may write.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";

export type Who = "anonymous" | "editor" | "admin";
export type Malformed = { method: string; url: string; headers: Record<string, string>; body?: string | Buffer };
export type Route = { template: string; methods: string[] };

const UUID = "00000000-0000-4000-8000-000000000000";
const KOBE = "MLI-2025-0001";

/** Every route handler under app/api (and the basemap route), with the methods it exports. */
export function listRoutes(root = "app"): Route[] {
  const routes: Route[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        routes.push({ template: `/${path.relative(root, dir).split(path.sep).join("/")}`, methods });
      }
    }
  };
  walk(path.join(root, "api"));
  walk(path.join(root, "basemap"));
  return routes.sort((a, b) => a.template.localeCompare(b.template));
}

/** Strings no field may hold, or that break naive parsers. */
const unstorable = fc.constantFrom("\u0000", "a\u0000b", `${KOBE}\u0000`, "\ud800", "x\udfff y", "\udc00\ud800");
const odd = fc.constantFrom(
  "",
  " ",
  "9999-99-99",
  "2025-02-30",
  "0000-01-01",
  "1e20",
  "-1e20",
  "NaN",
  "Infinity",
  '\'; DROP TABLE "Incident"; --',
  "../../etc/passwd",
  "not-a-uuid",
  UUID,
  "😀",
  "\u202e",
  "x".repeat(5000),
  "<script>alert(1)</script>",
  "=cmd|' /C calc'!A0",
  "null",
);
const nastyString = fc.oneof(unstorable, odd, fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }));
const nastyNumber = fc.constantFrom(1e20, -1e20, 1e308, -1, 0.5, 2 ** 31, 2 ** 53 + 2, -0);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.constantFrom(null, true, false, {}, [], [[]], { $gt: "" }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A path segment: encoded nasty text, invalid UTF-8, a well-formed id that names nothing. */
const segment = fc.oneof(
  nastyString.map((s) => encodeURIComponent(s.isWellFormed() ? s : s.toWellFormed())),
  fc.constantFrom(
    "%ED%A0%80",
    "%C0%AF",
    "%FF",
    "%",
    "%00",
    "%2e%2e",
    "a%2Fb",
    UUID,
    "not-a-uuid",
    KOBE.toLowerCase(),
    "MLI-2099-9999",
    "MLI-2025-0001%00",
  ),
);

const cursor = fc
  .tuple(
    fc.constantFrom("n", "o", "k", "f", "x"),
    fc.oneof(fc.constantFrom("9999-99-99", "2025-02-30", "2025-02-07", "0000-01-01"), nastyString),
    fc.oneof(fc.constant(UUID), nastyString),
    fc.oneof(fc.constant(null), nastyNumber, fc.integer()),
  )
  .chain((parts) => fc.constantFrom(parts, parts.slice(1, 3), [parts], "x"))
  .map((parts) => Buffer.from(JSON.stringify(parts)).toString("base64url"));

const QUERY_KEYS = [
  "bbox",
  "from",
  "to",
  "country",
  "admin1",
  "eventType",
  "actor",
  "claimant",
  "claimantKind",
  "grading",
  "flag",
  "minKilled",
  "sort",
  "cursor",
  "limit",
  "zoom",
  "interval",
  "method",
  "file",
  "q",
  "title",
  "dateStart",
  "latitude",
  "longitude",
  "excludeCode",
  "format",
  "validOnly",
  "dryRun",
  "fileName",
  "selected",
  "view",
  "next",
];

/** A query string: known keys with wrong values, unknown keys, broken percent-encoding. */
const query = fc.oneof(
  fc.dictionary(fc.constantFrom(...QUERY_KEYS), fc.oneof(nastyString, nastyNumber.map(String), cursor), { maxKeys: 4 }).map((entries) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(entries))
      params.append(key, String(value).isWellFormed() ? String(value) : String(value).toWellFormed());
    return params.toString();
  }),
  fc.constantFrom(
    "actor=%00",
    "q=%ED%A0%80",
    "from=%",
    "country=%FF%FE",
    "bbox=1e20,1e20,1e20,1e20",
    "zoom=1e20",
    "limit=1e20",
    "minKilled=1e20",
    "sort=newest&cursor=" + Buffer.from('["n","9999-99-99","x",null]').toString("base64url"),
  ),
  cursor.map((c) => `cursor=${c}`),
);

/** Valid bodies per mutation; the fuzz corrupts them. */
const TEMPLATES: Record<string, Record<string, unknown>> = {
  "/api/incidents": {
    title: "Fuzzed incident",
    dateStart: "2025-01-01",
    dateEnd: "2025-01-01",
    placeName: "X",
    countryIso3: "MLI",
    latitude: 1,
    longitude: 1,
    eventType: "Battles",
  },
  "/api/incidents/[code]": {
    title: "Fuzzed incident",
    dateStart: "2025-01-01",
    dateEnd: "2025-01-01",
    placeName: "X",
    countryIso3: "MLI",
    latitude: 1,
    longitude: 1,
    eventType: "Battles",
    expectedVersion: 1,
  },
  "/api/incidents/[code]/merge": { targetCode: "MLI-2025-0002", expectedVersion: 1, targetExpectedVersion: 1 },
  "/api/incidents/[code]/decisions": {
    metric: "killed",
    category: "civilians",
    best: 1,
    rationale: "A rationale long enough",
    expectedDecisionId: null,
  },
  "/api/sources": { slug: "fuzzed-source", name: "Fuzzed", kind: "ngo", url: "https://example.org" },
  "/api/documents": { sourceId: UUID, title: "Fuzzed document", publishedOn: "2025-01-01", relaysSourceIds: [] },
  "/api/claims": {
    incidentCode: KOBE,
    claimantId: UUID,
    metric: "killed",
    category: "civilians",
    valueMin: 1,
    valueMax: 1,
    qualifier: "exact",
    statement: "One was killed.",
  },
  "/api/claims/[id]/assess": { expectedVersion: 1, assessment: "not_credible", reason: "fuzzed reason" },
  "/api/claims/[id]/retract": { expectedVersion: 1, reason: "fuzzed reason" },
  "/api/claims/[id]/supersede": {
    expectedVersion: 1,
    metric: "killed",
    category: "civilians",
    valueMin: 1,
    valueMax: 1,
    qualifier: "exact",
    statement: "One was killed.",
  },
  "/api/statements/parse": { statement: "34 civilians were killed" },
  "/api/admin/users": { email: "fuzzed@example.org", role: "viewer", password: "a-long-enough-password" },
  "/api/admin/users/[id]": { role: "viewer", disabled: false },
  "/api/auth/login": { email: "fuzzed@example.org", password: "a-long-enough-password" },
  "/api/auth/logout": {},
};

/** JSON text whose lone surrogates survive (JSON.stringify escapes them as \ud800). */
const json = (value: unknown) => JSON.stringify(value);

/** A body that no schema may accept: a template with an unstorable value planted somewhere, and other fields corrupted. */
function corrupted(template: Record<string, unknown>) {
  const keys = [...Object.keys(template), "extra"];
  return fc
    .tuple(
      fc.constantFrom(...keys, "claims"),
      unstorable,
      fc.dictionary(fc.constantFrom(...keys), nastyValue, { maxKeys: 3 }),
      fc.boolean(),
    )
    .map(([plantIn, bad, others, nest]) => {
      const body: Record<string, unknown> = { ...template, ...others };
      body[plantIn] = nest ? [{ name: bad, role: "target" }] : bad;
      if (plantIn === "claims") body.claims = [{ ...template, statement: bad }];
      return json(body);
    });
}

const notJson = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    "{",
    '{"a":',
    "[1,2",
    "\u0000",
    '{"title":"\\ud800"',
    "{'single':'quotes'}",
    `${"[".repeat(5000)}${"]".repeat(5000)}`,
    "1e400",
    '"just a string"',
    "null",
  ),
);

const BOUNDARY = "----fuzzboundary";
const multipart = (parts: string) => `--${BOUNDARY}\r\n${parts}\r\n--${BOUNDARY}--\r\n`;

/** Bodies for POST /api/import: broken forms, CSV with NUL, random text. */
const importBody: fc.Arbitrary<{ contentType: string; body: string; query: string }> = fc.oneof(
  fc.constantFrom(
    {
      contentType: "multipart/form-data",
      body: multipart('Content-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx'),
      query: "",
    },
    {
      contentType: "multipart/form-data; boundary=wrong",
      body: multipart('Content-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx'),
      query: "",
    },
    {
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nunterminated`,
      query: "",
    },
    {
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      body: multipart(`Content-Disposition: form-data; name="format"\r\n\r\nacled\u0000`),
      query: "",
    },
    {
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      body: multipart(
        `Content-Disposition: form-data; name="file"; filename="a\u0000.csv"\r\n\r\nevent_id_cnty\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="format"\r\n\r\nacled`,
      ),
      query: "",
    },
    { contentType: "text/csv", body: "event_id_cnty,event_date\nA\u0000,2025-01-01\n", query: "format=acled" },
    { contentType: "text/csv", body: "incident_code,statement,claimant\nMLI-2025-0001,\u0000 killed,hrw\n", query: "format=claims" },
    { contentType: "text/csv", body: "", query: "format=ucdp" },
  ),
  fc
    .tuple(fc.string({ maxLength: 200 }), fc.constantFrom("text/csv", "application/json", "application/octet-stream", ""), query)
    .map(([text, contentType, q]) => ({ contentType, body: text, query: q })),
  fc.tuple(fc.string({ maxLength: 100 }), query).map(([text, q]) => ({
    contentType: "text/csv",
    body: `event_id_cnty,event_date,event_type,country,location,latitude,longitude,fatalities\n\u0000${text}`,
    query: `format=acled&${q}`,
  })),
);

const odHeaders = fc.record(
  {
    accept: fc.constantFrom("application/x-ndjson", "*/*", "text/html", "application/json"),
    authorization: fc.constantFrom("Bearer ", "Bearer tri_forged", "Bearer \u00e9", "Basic Zm9vOmJhcg==", "Bearer tri_" + "x".repeat(500)),
    "accept-language": fc.constantFrom("fr", "*", "xx;q=NaN"),
  },
  { requiredKeys: [] },
);

function fill(template: string, value: string): string {
  return template.replace(/\[[a-z]+\]/g, value);
}

/** A malformed request to one route and method, as `who` would send it (the session cookie is in the context). */
export function malformedRequest(route: Route, method: string, who: Who, origin: string): fc.Arbitrary<Malformed> {
  const template = TEMPLATES[route.template];
  const pathArb: fc.Arbitrary<string> = route.template.includes("[")
    ? fc
        .oneof(
          { weight: 3, arbitrary: segment },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              route.template.includes("[code]")
                ? KOBE
                : route.template.includes("[file]")
                  ? "figures.csv"
                  : route.template.includes("[name]")
                    ? "countries-110m.json"
                    : UUID,
            ),
          },
        )
        .map((s) => fill(route.template, s))
    : fc.constant(route.template);
  // Signed-in requests come from our own origin, as a browser sends them, so they reach validation; a few do not.
  const originArb =
    who === "anonymous"
      ? fc.constantFrom<string | undefined>(undefined, origin, "http://evil.example")
      : fc.constantFrom<string | undefined>(origin, origin, origin, origin, "http://evil.example", undefined);

  if (method === "GET") {
    return fc.tuple(pathArb, query, odHeaders).map(([p, q, headers]) => ({ method, url: q ? `${p}?${q}` : p, headers: { ...headers } }));
  }
  if (route.template === "/api/import") {
    return fc.tuple(importBody, originArb, odHeaders).map(([b, o, headers]) => ({
      method,
      url: b.query ? `${route.template}?${b.query}` : route.template,
      headers: { ...headers, ...(b.contentType ? { "content-type": b.contentType } : {}), ...(o ? { origin: o } : {}), authorization: "" },
      body: b.body,
    }));
  }
  const body: fc.Arbitrary<{ contentType: string; text: string }> = fc.oneof(
    {
      weight: 4,
      arbitrary: template
        ? corrupted(template).map((text) => ({ contentType: "application/json", text }))
        : fc.constant({ contentType: "application/json", text: "{}" }),
    },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => ({ contentType: "application/json", text: `${json(v)}\u0000` })) },
    {
      weight: 1,
      arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => ({ contentType: "application/json", text: json({ value: v, lone: "\ud800" }) })),
    },
    { weight: 2, arbitrary: notJson.map((text) => ({ contentType: "application/json", text })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/xml", ""),
          fc.string({ maxLength: 40 }),
        )
        .map(([contentType, text]) => ({ contentType, text: `${text}\u0000` })),
    },
  );
  return fc
    .tuple(pathArb, body, originArb, odHeaders, fc.constantFrom("", "", "", "?x=%00", "?limit=1e20"))
    .map(([p, b, o, headers, q]) => ({
      method,
      url: `${p}${q}`,
      // Mutations never carry an API token here: the session (or no one) is what is tested.
      headers: { ...headers, authorization: "", ...(b.contentType ? { "content-type": b.contentType } : {}), ...(o ? { origin: o } : {}) },
      body: b.text,
    }));
}

/** Page requests: the home page's query, incident codes, the login page's next, broken form posts. */
export function malformedPageRequest(origin: string): fc.Arbitrary<Malformed> {
  return fc.oneof(
    query.map((q) => ({ method: "GET", url: `/?${q}`, headers: {} })),
    fc
      .tuple(segment, fc.constantFrom("", "/edit", "/review", "/claims/new"))
      .map(([s, tail]) => ({ method: "GET", url: `/incidents/${s}${tail}`, headers: {} })),
    fc
      .oneof(nastyString, fc.constantFrom("//evil.example", "/\\evil.example", "javascript:alert(1)"))
      .map((n) => ({ method: "GET", url: `/login?next=${encodeURIComponent(n.toWellFormed())}&next=/`, headers: {} })),
    fc
      .constantFrom(
        "/sources?x=%00",
        "/import?format=%00",
        "/settings/tokens?%ED%A0%80",
        "/admin/users?q=%FF",
        "/api-docs?x=%",
        "/incidents/new?x=%00",
      )
      .map((url) => ({ method: "GET", url, headers: {} })),
    // Broken forms posted where Next.js looks for server actions: pages, and unknown paths (its 404 page).
    fc
      .tuple(
        fc.constantFrom(
          "/",
          "/login",
          "/settings/tokens",
          "/incidents/MLI-2025-0001",
          "/api/nothing",
          "/api/claims/%2e%2e/assess",
          "/no/such/page",
        ),
        fc.constantFrom(
          "multipart/form-data",
          "multipart/form-data; boundary=wrong",
          `multipart/form-data; boundary=${BOUNDARY}`,
          "application/x-www-form-urlencoded",
          "text/plain",
        ),
        fc.constantFrom(
          "x",
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated`,
          "a=%00&$ACTION_ID_x=1",
          "\u0000",
        ),
        fc.boolean(),
      )
      .map(([url, contentType, body, action]) => ({
        method: "POST",
        url,
        headers: { origin, "content-type": contentType, ...(action ? { "next-action": "0".repeat(42) } : {}) },
        body,
      })),
  );
}
