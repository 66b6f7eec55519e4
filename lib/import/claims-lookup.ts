// What the claims import looks up on its reader connection for each slice of rows: the incidents
// the rows name by code (following merges) and the stored claims each row may repeat, found in
// one statement (docs/performance.md, "How imports write" and "Runs N and O").
//
// The incident of a row is found by its code and, in the same statement, the claims of that
// incident with the row's claimant, metric and category: one statement and one step per slice on
// the reader, where there were two (incidents by code, then the claims of those incidents by id,
// which walked the incident index a second time). Alone in SQL, 10,000 rows at a million
// incidents, the joined statement took 13–20 % less time than the two; within a whole import the
// difference is under the machine's noise.
import "server-only";
import type pg from "pg";

/**
 * What makes two claims the same claim. Unambiguous: the parts before the subgroup are free of
 * tabs, the subgroup is written with its length, and the statement is the rest. Joined, not
 * concatenated: a template literal makes a tree of ~8 string pieces, and the import keeps one key
 * per claim it creates (createdByKey) for its whole length, pieces and all (~680,000 of them at
 * 85,000 rows, each copied by the young-generation GC on its way to the old one).
 */
export type KeyParts = {
  incidentId: string;
  claimantId: string;
  metric: string;
  category: string;
  subgroup: string | null;
  statement: string;
  statedOn: string | null;
};
export const claimKey = (k: KeyParts) =>
  [
    k.incidentId,
    k.claimantId,
    k.metric,
    k.category,
    k.statedOn ?? "",
    k.subgroup === null ? "-" : `${k.subgroup.length}:${k.subgroup}`,
    k.statement,
  ].join("\t");

type IncidentRef = { id: string; mergedIntoId: string | null };

/** Incidents found by code, codes that name none, and the incidents merged ones lead to, by id. */
export type IncidentIndex = { byCode: Map<string, IncidentRef>; missing: Set<string>; mergedInto: Map<string, IncidentRef> };

export const incidentIndex = (): IncidentIndex => ({ byCode: new Map(), missing: new Set(), mergedInto: new Map() });

/** The incident a code leads to, following merges (at most ten hops, as an editor's link would); null = no such incident. */
export function incidentOf(index: IncidentIndex, code: string): string | null {
  let incident: IncidentRef | undefined = index.byCode.get(code);
  for (let hops = 0; incident?.mergedIntoId && hops < 10; hops++) {
    const target = index.mergedInto.get(incident.mergedIntoId);
    if (!target) break;
    incident = target;
  }
  return incident?.id ?? null;
}

/** What a row is looked up by: its key, with the incident's code and the claimant's slug for their ids. */
export type RowToFind = Omit<KeyParts, "incidentId" | "claimantId"> & { incidentCode: string; claimant: string };

/** A row's key, its parts named one by one (the row holds every column of the file). */
export const keyOf = (r: RowToFind, incidentId: string, claimantId: string): KeyParts => ({
  incidentId,
  claimantId,
  metric: r.metric,
  category: r.category,
  subgroup: r.subgroup,
  statement: r.statement,
  statedOn: r.statedOn,
});

/** A stored claim a row may repeat: same incident, claimant, metric and category. */
type Candidate = { id: string; subgroup: string | null; statedOn: string | null; statement: string };

/** Whether a candidate is the row's claim: the rest of the key compared here, not sent to PostgreSQL. */
const sameClaim = (c: Candidate, k: Omit<KeyParts, "incidentId" | "claimantId">) =>
  c.subgroup === k.subgroup && c.statedOn === k.statedOn && c.statement === k.statement;

/**
 * The incidents `rows` name (added to `index`, with the codes that name none and the incidents
 * merged ones lead to) and the stored claims the rows repeat (claimKey → claim id).
 *
 * Incidents are not locked: while an import runs nobody may delete or merge an incident (the
 * import holds 'triangulate:import', which both wait for: migration 20261124000000,
 * mergeIncidents), and other changes to an incident do not touch its claims. (Locking 100,000
 * incidents, FOR UPDATE, dirtied ~95 % of the table's pages and wrote ~260 MB of WAL after a
 * checkpoint.) Figures the worker refreshes meanwhile are refreshed again from the requests the
 * import queues. The reader sees committed rows only: claims this import wrote are known from memory.
 */
export async function findIncidentsAndClaims(
  client: pg.ClientBase,
  rows: RowToFind[],
  /** The id of a stored source (undefined: not stored, so it has no stored claims). */
  storedSource: (slug: string) => string | undefined,
  index: IncidentIndex,
): Promise<Map<string, string>> {
  const present = new Map<string, string>();
  if (!rows.length) return present;
  // Only the short parts travel, as comma-separated lists (uuids and enum labels have no commas;
  // '' is a claimant with nothing stored, NULL to PostgreSQL); codes as an array, since a code may
  // hold any character. Each row's candidates come back with its position, and their subgroup, date
  // and statement are compared here: sending whole keys as JSON made PostgreSQL parse ~1.7 MB a
  // slice, two thirds of the lookup's time at a million incidents (docs/performance.md, "Run I").
  // OFFSET 0 keeps the claims lookup a nested loop on the (incident, metric, category) index:
  // joined flat, the planner hashes the whole claims table. A merged incident has no claims (they
  // moved to the one it leads to), so it is not searched here.
  // Nothing is made per row but these lists: a copy of each row with its claimant's id cost ~1 s
  // more of Node's CPU per 100,000 rows, 0.6 s of it collecting garbage.
  const list = (part: (r: RowToFind) => string) => rows.map(part).join(",");
  const { rows: found } = await client.query<{ n: string; incidentId: string; mergedIntoId: string | null } & Partial<Candidate>>(
    `SELECT k.n, i.id AS "incidentId", i."mergedIntoId", c.id, c.subgroup, to_char(c."statedOn", 'YYYY-MM-DD') AS "statedOn", c.statement
       FROM unnest($1::text[], string_to_array($2, ',', '')::uuid[],
                   string_to_array($3, ',')::"Metric"[], string_to_array($4, ',')::"Category"[])
            WITH ORDINALITY AS k(code, "claimantId", metric, category, n)
       JOIN "Incident" i ON i.code = k.code
       LEFT JOIN LATERAL (SELECT c.id, c.subgroup, c."statedOn", c.statement FROM "Claim" c
                           WHERE i."mergedIntoId" IS NULL AND c."incidentId" = i.id AND c.metric = k.metric
                             AND c.category = k.category AND c."claimantId" = k."claimantId" OFFSET 0) c ON true`,
    [rows.map((r) => r.incidentCode), list((r) => storedSource(r.claimant) ?? ""), list((r) => r.metric), list((r) => r.category)],
  );
  for (const f of found) {
    const row = rows[Number(f.n) - 1]!;
    if (!index.byCode.has(row.incidentCode)) index.byCode.set(row.incidentCode, { id: f.incidentId, mergedIntoId: f.mergedIntoId });
    if (f.id && sameClaim(f as Candidate, row)) present.set(claimKey(keyOf(row, f.incidentId, storedSource(row.claimant)!)), f.id);
  }
  for (const r of rows) if (!index.byCode.has(r.incidentCode)) index.missing.add(r.incidentCode);
  // Rows naming a merged incident: follow the merges, then search the incident they lead to.
  const merged = rows.filter((r) => index.byCode.get(r.incidentCode)?.mergedIntoId);
  if (!merged.length) return present;
  await followMerges(
    client,
    merged.map((r) => index.byCode.get(r.incidentCode)!),
    index,
  );
  const keys = merged.flatMap((r) => {
    const incidentId = incidentOf(index, r.incidentCode);
    const claimantId = storedSource(r.claimant);
    return incidentId && claimantId ? [keyOf(r, incidentId, claimantId)] : [];
  });
  for (const [key, id] of await findPresentClaims(client, keys)) present.set(key, id);
  return present;
}

/** The incidents merged ones lead to, hop by hop (at most ten). */
async function followMerges(client: pg.ClientBase, refs: IncidentRef[], index: IncidentIndex): Promise<void> {
  const unknown = (found: IncidentRef[]) =>
    [...new Set(found.flatMap((r) => (r.mergedIntoId ? [r.mergedIntoId] : [])))].filter((id) => !index.mergedInto.has(id));
  let wanted = unknown(refs);
  for (let hop = 0; hop < 10 && wanted.length; hop++) {
    const found = (await client.query<IncidentRef>(`SELECT id, "mergedIntoId" FROM "Incident" WHERE id = ANY($1::uuid[])`, [wanted])).rows;
    for (const r of found) index.mergedInto.set(r.id, r);
    wanted = unknown(found);
  }
}

/** The stored claims that have one of `keys` (claimKey → claim id), each key looked up through the (incident, metric, category) index. */
async function findPresentClaims(client: pg.ClientBase, keys: KeyParts[]): Promise<Map<string, string>> {
  const present = new Map<string, string>();
  if (!keys.length) return present;
  const list = (part: (k: KeyParts) => string) => keys.map(part).join(",");
  const { rows } = await client.query<{ n: string } & Candidate>(
    `SELECT k.n, c.id, c.subgroup, to_char(c."statedOn", 'YYYY-MM-DD') AS "statedOn", c.statement
       FROM unnest(string_to_array($1, ',')::uuid[], string_to_array($2, ',')::uuid[],
                   string_to_array($3, ',')::"Metric"[], string_to_array($4, ',')::"Category"[])
            WITH ORDINALITY AS k("incidentId", "claimantId", metric, category, n)
       CROSS JOIN LATERAL (SELECT c.id, c.subgroup, c."statedOn", c.statement FROM "Claim" c
                            WHERE c."incidentId" = k."incidentId" AND c.metric = k.metric AND c.category = k.category
                              AND c."claimantId" = k."claimantId" OFFSET 0) c`,
    [list((k) => k.incidentId), list((k) => k.claimantId), list((k) => k.metric), list((k) => k.category)],
  );
  for (const r of rows) {
    const k = keys[Number(r.n) - 1]!;
    if (sameClaim(r, k)) present.set(claimKey(k), r.id);
  }
  return present;
}
