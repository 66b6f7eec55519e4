import { useTranslations } from "next-intl";
import type { UserRole } from "@/lib/domain/vocabularies";

/** The page a signed-in person without the role sees; `title` comes translated from the page. */
export function RoleRefusal({ role, title }: { role: UserRole; title: string }) {
  const t = useTranslations("roles");
  const vocabulary = useTranslations("vocabulary");
  return (
    <main className="narrow">
      <h1>{title}</h1>
      <p role="alert" className="form-error">
        {t("refusal", { role: vocabulary(`role.${role}`) })}
      </p>
    </main>
  );
}
