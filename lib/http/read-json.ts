// Reading a JSON request body with a clear 4xx when it is not JSON.
import { AppError } from "@/lib/errors";

export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw new AppError(415, "Send the body as JSON (Content-Type: application/json).", "unsupported_media_type");
  try {
    return await request.json();
  } catch {
    throw new AppError(400, "The body is not valid JSON.", "invalid_json");
  }
}
