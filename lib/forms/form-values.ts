// A posted form as the object the shared zod schemas read: dotted names become nesting
// ("actors.0.name" → actors[0].name), repeated names become lists, React's own fields are dropped.
export type FormValue = string | FormValue[] | { [key: string]: FormValue };

export function formValues(form: FormData, lists: readonly string[] = []): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const list of lists) out[list] = [];
  for (const [name, raw] of form.entries()) {
    if (name.startsWith("$ACTION") || typeof raw !== "string") continue;
    if (lists.includes(name)) {
      (out[name] as FormValue[]).push(raw);
      continue;
    }
    const path = name.split(".");
    let node: Record<string, FormValue> | FormValue[] = out;
    path.forEach((key, i) => {
      const last = i === path.length - 1;
      const slot = node as Record<string, FormValue>;
      if (last) slot[key] = raw;
      else node = (slot[key] ??= /^\d+$/.test(path[i + 1]!) ? [] : {}) as Record<string, FormValue> | FormValue[];
    });
  }
  // Sparse lists (a removed row) close up.
  for (const [key, value] of Object.entries(out)) if (Array.isArray(value)) out[key] = value.filter((v) => v !== undefined);
  return out;
}

/** "" from an empty input means "not given": undefined for a required value, so its schema message applies. */
export function blankToUndefined(value: FormValue | undefined): FormValue | undefined {
  return value === "" ? undefined : value;
}

/** "" means "none" for an optional value. */
export function blankToNull(value: FormValue | undefined): FormValue | null {
  return value === "" || value === undefined ? null : value;
}
