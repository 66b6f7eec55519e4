// Request bodies read up to a stated limit, as they stream in: a body over the limit is refused
// with 413 before it is used, never cut short and used in part (docs/architecture.md, "Uploads").
import { AppError } from "@/lib/errors";

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export function tooLarge(limit: number, advice: string): AppError {
  return new AppError(413, `The request body is larger than ${megabytes(limit)}; ${advice}`, "too_large");
}

/** The whole body, or a 413 as soon as more than `limit` bytes arrived (or were announced). */
export async function readBodyLimited(request: Request, limit: number, advice: string): Promise<Uint8Array> {
  const announced = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(announced) && announced > limit) throw tooLarge(limit, advice);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit, advice);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
