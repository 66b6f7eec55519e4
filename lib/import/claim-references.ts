// The claims import writes its claims with PostgreSQL's per-row triggers off, after checking their
// references itself, a slice at a time.
//
// Why: every claim row fires one foreign-key trigger per reference ("Claim" has four), and each
// looks up and locks the row it names, one by one. For 100,000 claims that was ~1 s of the
// import's ~5 s, on the one connection a transaction has. The import already holds what those
// triggers would check: no incident is deleted or merged while it runs (the trigger
// "Incident_waits_for_imports" makes both wait for its advisory lock), it created the new sources
// and documents in its own transaction, and the claims it copies link to no claim (superseded_by
// links are written after, with triggers on).
// What is left, the sources and documents that existed before, is locked here in one statement
// per slice (FOR KEY SHARE, as the foreign-key trigger would: nobody can delete them before we
// commit), and the import fails if one has gone.
//
// Only when it is safe and allowed: "Claim" must have exactly the foreign keys listed below and no
// trigger of its own (a trigger added later would otherwise be skipped), "Incident" must have its
// enabled guard trigger (the foreign-key triggers otherwise lock each incident), and the role must be
// allowed to set session_replication_role (a superuser, as the embedded database's is, or a role
// granted SET on it). Otherwise the claims are copied with the triggers on, as before.
import "server-only";
import type pg from "pg";
import { ConflictError } from "@/lib/errors";

/** Every foreign key of "Claim", as column → referenced table, and how the import keeps it. */
const KEPT_BY_THE_IMPORT: Record<string, string> = {
  claimantId: '"Source"', // locked here, or created by the import
  documentId: '"Document"', // locked here, or created by the import
  incidentId: '"Incident"', // not deleted while an import runs (INCIDENT_GUARD)
  supersedesId: '"Claim"', // never set by the COPY
};

/** The trigger that makes deleting or merging incidents wait for a running import. */
const INCIDENT_GUARD = "Incident_waits_for_imports";

/** Whether claims may be copied with the row triggers off on this connection (see above). */
export async function mayCopyClaimsWithoutTriggers(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ superuser: boolean; version: number; triggers: number; guarded: boolean; keys: string[] | null }>(
    `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            current_setting('server_version_num')::int AS version,
            (SELECT count(*) FROM pg_trigger WHERE tgrelid = '"Claim"'::regclass AND NOT tgisinternal)::int AS triggers,
            EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = '"Incident"'::regclass AND tgname = $1 AND tgenabled <> 'D') AS guarded,
            (SELECT array_agg(k) FROM (
               SELECT a.attname || '>' || c.confrelid::regclass::text AS k
                 FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
                WHERE c.conrelid = '"Claim"'::regclass AND c.contype = 'f') f) AS keys`,
    [INCIDENT_GUARD],
  );
  const found = rows[0]!;
  const expected = Object.entries(KEPT_BY_THE_IMPORT)
    .map(([column, table]) => `${column}>${table}`)
    .sort();
  if (found.triggers > 0 || !found.guarded || JSON.stringify([...(found.keys ?? [])].sort()) !== JSON.stringify(expected)) return false;
  if (found.superuser) return true;
  // SET privilege on a parameter exists from PostgreSQL 15 on.
  if (found.version < 150000) return false;
  const { rows: allowed } = await client.query<{ may: boolean }>(
    `SELECT has_parameter_privilege('session_replication_role', 'SET') AS may`,
  );
  return allowed[0]!.may;
}

/**
 * Locks the sources and documents that existed before the import and that the next claims name,
 * as their foreign-key triggers would have, and fails if one of them is gone.
 */
export async function lockClaimReferences(
  client: pg.ClientBase,
  sourceIds: readonly string[],
  documentIds: readonly string[],
): Promise<void> {
  if (!sourceIds.length && !documentIds.length) return;
  const { rows } = await client.query<{ sources: string[] | null; documents: string[] | null }>(
    `SELECT (SELECT array_agg(id::text) FROM (SELECT id FROM "Source" WHERE id = ANY($1::uuid[]) ORDER BY id FOR KEY SHARE) s) AS sources,
            (SELECT array_agg(id::text) FROM (SELECT id FROM "Document" WHERE id = ANY($2::uuid[]) ORDER BY id FOR KEY SHARE) d) AS documents`,
    [sourceIds, documentIds],
  );
  const sources = new Set(rows[0]!.sources ?? []);
  const documents = new Set(rows[0]!.documents ?? []);
  const goneSource = sourceIds.find((id) => !sources.has(id));
  if (goneSource)
    throw new ConflictError(
      `Source ${goneSource} was deleted while this file was being imported. Nothing was imported; import the file again.`,
    );
  const goneDocument = documentIds.find((id) => !documents.has(id));
  if (goneDocument)
    throw new ConflictError(
      `Document ${goneDocument} was deleted while this file was being imported. Nothing was imported; import the file again.`,
    );
}

/**
 * Runs `write` with this transaction's row triggers off. SET LOCAL ends with the transaction, so
 * a failed write (which aborts it) cannot leave them off; a successful one turns them back on.
 */
export async function withoutRowTriggers(client: pg.ClientBase, write: () => Promise<unknown>): Promise<void> {
  await client.query("SET LOCAL session_replication_role = replica");
  await write();
  await client.query("SET LOCAL session_replication_role = origin");
}
