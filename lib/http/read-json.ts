// Reading a JSON request body with a clear 4xx when it is not JSON.
import { AppError } from "@/lib/errors";
import { assertSafeText } from "@/lib/validation/safe-text";
import { readBodyLimited } from "./limited-body";

/** JSON bodies above this are refused (413): the largest batch, 200 claims with long statements, is far below it. */
export const MAX_JSON_BYTES = 5 * 1024 * 1024;

/** The parsed body, typed for the command it goes to: every command validates it with its zod schema. */
export async function readJson<T = unknown>(request: Request): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json"))
    throw new AppError(415, "Send the body as JSON (Content-Type: application/json).", "unsupported_media_type");
  const bytes = await readBodyLimited(request, MAX_JSON_BYTES, "send fewer items per request.");
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError(400, "The body is not valid JSON.", "invalid_json");
  }
  // NUL and lone surrogates, in any field of any route: refused here, by field name.
  assertSafeText(body);
  return body as T;
}
