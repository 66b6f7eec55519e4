// JSON Schema → a short readable type for the API docs page ("integer ≥ 0 or null", "one of a, b").
type Schema = Record<string, unknown>;

export function refName(ref: unknown): string | null {
  return typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref.slice("#/components/schemas/".length) : null;
}

function bounds(s: Schema): string {
  const parts: string[] = [];
  if (typeof s.minimum === "number" && typeof s.maximum === "number") parts.push(`${s.minimum}–${s.maximum}`);
  else if (typeof s.minimum === "number") parts.push(`≥ ${s.minimum}`);
  else if (typeof s.maximum === "number") parts.push(`≤ ${s.maximum}`);
  if (typeof s.minLength === "number" || typeof s.maxLength === "number")
    parts.push(`${s.minLength ?? 0}–${s.maxLength ?? "…"} characters`);
  if (typeof s.pattern === "string") parts.push(`matching ${s.pattern}`);
  if (typeof s.format === "string") parts.push(s.format);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

export function typeText(schema: unknown): string {
  if (!schema || typeof schema !== "object") return "any";
  const s = schema as Schema;
  const ref = refName(s.$ref);
  if (ref) return ref;
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) {
    const options = ((s.anyOf ?? s.oneOf) as Schema[]).map(typeText);
    return [...new Set(options)].join(" or ");
  }
  if (Array.isArray(s.enum)) return `one of ${(s.enum as unknown[]).map(String).join(", ")}`;
  if ("const" in s) return JSON.stringify(s.const);
  const type = Array.isArray(s.type) ? (s.type as string[]).join(" or ") : (s.type as string | undefined);
  if (type === "array") return `list of ${typeText(s.items)}`;
  if (type === "object" && s.additionalProperties && typeof s.additionalProperties === "object")
    return `map of ${typeText(s.additionalProperties)}`;
  const withDefault = s.default !== undefined ? `, default ${JSON.stringify(s.default)}` : "";
  return `${type ?? "any"}${bounds(s)}${withDefault}`;
}

/** An object schema's properties (following one level of anyOf-with-null). */
export function propertiesOf(schema: unknown): { name: string; schema: Schema; required: boolean }[] {
  if (!schema || typeof schema !== "object") return [];
  const s = schema as Schema;
  const required = new Set((s.required as string[] | undefined) ?? []);
  return Object.entries((s.properties as Record<string, Schema> | undefined) ?? {}).map(([name, p]) => ({
    name,
    schema: p,
    required: required.has(name),
  }));
}
