import Link from "next/link";
import { useTranslations } from "next-intl";

export default function IncidentNotFound() {
  const t = useTranslations("incident.notFound");
  return (
    <main>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/">{t("back")}</Link>
      </p>
    </main>
  );
}
