// Reading a JSON request body with a clear 4xx when it is not JSON.
import { AppError } from "@/lib/errors";

/** The parsed body, typed for the command it goes to: every command validates it with its zod schema. */
export async function readJson<T = unknown>(request: Request): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw new AppError(415, "Send the body as JSON (Content-Type: application/json).", "unsupported_media_type");
  try {
    return (await request.json()) as T;
  } catch {
    throw new AppError(400, "The body is not valid JSON.", "invalid_json");
  }
}
