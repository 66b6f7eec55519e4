// A POST with a form body to anything but an API route handler is where Next.js looks for a
// server action (a page, or the 404 page for an unknown path, /api/… included), and it answers
// 500 when the form cannot be read (multipart without its boundary, a wrong boundary, a truncated
// body). Such requests are answered 400 before they get there. POST /api/import reads its own
// uploads and answers 400 itself; no other route takes multipart.
import { NextResponse } from "next/server";

const MULTIPART = /^multipart\/form-data\b/i;
/** Next's own limit for a server action's body (serverActions.bodySizeLimit). */
const MAX_FORM_BYTES = 1024 * 1024;

const text = (status: number, message: string) =>
  new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** A 4xx for a multipart POST that Next.js would fail to read, or null. */
export async function unreadableFormRefusal(request: Request): Promise<NextResponse | null> {
  if (request.method !== "POST" || new URL(request.url).pathname === "/api/import") return null;
  if (!MULTIPART.test(request.headers.get("content-type") ?? "")) return null;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) return text(413, "This form is larger than 1 MB.");
  try {
    await request.clone().formData();
    return null;
  } catch {
    return text(400, "The form could not be read: the multipart body does not match its boundary.");
  }
}
