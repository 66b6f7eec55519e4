// Saving over a newer version of an incident is a three-way merge (docs/architecture.md,
// "Concurrent editing"): base = the version the editor opened, theirs = what is saved now,
// yours = what the editor sends. A field only they changed keeps their value, a field only you
// changed takes yours, and a field both changed to different values is a conflict the editor
// resolves field by field. Nothing anyone saved is reverted without being shown.

export type FieldConflict = { field: string; base: unknown; theirs: unknown; yours: unknown };

export type MergeOutcome<T> = {
  /** The merged values: theirs where only they changed, yours elsewhere (yours also for conflicts). */
  merged: T;
  /** Fields whose newer saved value was kept because you had not changed them. */
  keptTheirs: string[];
  /** Fields where both sides changed the value differently. */
  conflicts: FieldConflict[];
};

/** Values compare by content: dates as days, numbers as numbers, lists in order. */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (value: unknown): unknown =>
    value === undefined || value === "" ? null : value instanceof Date ? value.toISOString().slice(0, 10) : value;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

export function threeWayMerge<T extends Record<string, unknown>>(
  base: Partial<T>,
  theirs: T,
  yours: T,
  fields: readonly (keyof T & string)[],
): MergeOutcome<T> {
  const merged = { ...yours };
  const keptTheirs: string[] = [];
  const conflicts: FieldConflict[] = [];
  for (const field of fields) {
    const theyChanged = !sameValue(base[field], theirs[field]);
    const youChanged = !sameValue(base[field], yours[field]);
    if (!theyChanged) continue; // yours stands (changed or not)
    if (!youChanged) {
      merged[field] = theirs[field];
      keptTheirs.push(field);
    } else if (!sameValue(theirs[field], yours[field])) {
      conflicts.push({ field, base: base[field] ?? null, theirs: theirs[field] ?? null, yours: yours[field] ?? null });
    }
  }
  return { merged, keptTheirs, conflicts };
}
