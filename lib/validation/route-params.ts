// The dynamic segments of API routes ([id], [code]), validated like any other input: a malformed
// one is a 400 naming the segment, never a database error.
import { z } from "zod";
import { INCIDENT_CODE } from "./incident";
import { assertSafeText } from "./safe-text";

export const IdParamsSchema = z.object({ id: z.string().uuid("id must be a UUID, as the API gives it") });
export const CodeParamsSchema = z.object({ code: z.string().regex(INCIDENT_CODE, "code must look like MLI-2025-0001") });

/** The route's params, checked against `schema` (throws a ZodError → 400). */
export async function routeParams<S extends z.ZodType>(params: Promise<unknown>, schema: S): Promise<z.output<S>> {
  const raw = await params;
  assertSafeText(raw);
  return schema.parse(raw);
}
