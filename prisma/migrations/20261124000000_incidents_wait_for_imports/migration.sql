-- While an import runs (it holds the advisory lock 'triangulate:import' until it commits), no
-- incident is deleted or merged: a statement that deletes incidents or sets "mergedIntoId" first
-- waits for the import to finish. The claims import relies on it instead of locking each incident
-- it adds claims to: 100,000 row locks dirtied ~95 % of the "Incident" pages and wrote ~260 MB of
-- WAL (full-page images after a checkpoint), for an import of ~5 s. Merging in the app takes the
-- same lock before it moves any claim (mergeIncidents), so this trigger is the database's own
-- guarantee for anyone else who deletes or merges. A transaction never waits for its own lock, so
-- an import may still do either itself.
CREATE FUNCTION triangulate_wait_for_imports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('triangulate:import'));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Incident_waits_for_imports"
  BEFORE DELETE OR UPDATE OF "mergedIntoId" ON "Incident"
  FOR EACH STATEMENT EXECUTE FUNCTION triangulate_wait_for_imports();
