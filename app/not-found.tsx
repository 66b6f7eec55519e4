// Our own 404 page: Next's built-in one carries an inline <style> without the CSP nonce, which the
// Content-Security-Policy refuses (lib/http/security-headers.ts).
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main>
      <h1>{t("heading")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/">{t("back")}</Link>
      </p>
    </main>
  );
}
