// Reading a JSON request body with a clear 4xx when it is not JSON.
import { AppError } from "@/lib/errors";
import { assertSafeText } from "@/lib/validation/safe-text";

/** The parsed body, typed for the command it goes to: every command validates it with its zod schema. */
export async function readJson<T = unknown>(request: Request): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw new AppError(415, "Send the body as JSON (Content-Type: application/json).", "unsupported_media_type");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError(400, "The body is not valid JSON.", "invalid_json");
  }
  // NUL and lone surrogates, in any field of any route: refused here, by field name.
  assertSafeText(body);
  return body as T;
}
