// Our own 404 page: Next's built-in one carries an inline <style> without the CSP nonce, which the
// Content-Security-Policy refuses (lib/http/security-headers.ts).
import Link from "next/link";

const text = {
  heading: "Page not found",
  body: "There is no page at this address. It may have been mistyped, or the link may be from another Triangulate.",
  back: "Back to all incidents",
};

export default function NotFound() {
  return (
    <main>
      <h1>{text.heading}</h1>
      <p>{text.body}</p>
      <p>
        <Link href="/">{text.back}</Link>
      </p>
    </main>
  );
}
