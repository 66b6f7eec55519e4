// A POST to a page with a form body is where Next.js looks for a server action, and it answers
// 500 when the form cannot be read (multipart without its boundary, a wrong boundary, a truncated
// body). Such a request is answered 400 before it gets there. API routes read their own bodies
// (lib/import/import-request.ts answers 400 itself).
const PAGE_FORM = /^multipart\/form-data\b/i;

/** A 400 for a page POST whose multipart body cannot be read, or null. */
export async function unreadableFormRefusal(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || new URL(request.url).pathname.startsWith("/api/")) return null;
  if (!PAGE_FORM.test(request.headers.get("content-type") ?? "")) return null;
  try {
    await request.clone().formData();
    return null;
  } catch {
    return new Response("The form could not be read: the multipart body does not match its boundary.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
