import { PageMessages } from "@/components/page-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EMPTY_INCIDENT, IncidentForm } from "@/components/editor/incident-form";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { pageUser } from "@/lib/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forms.newIncident"))("title") };
}

export default async function NewIncidentPage() {
  const { allowed } = await pageUser("editor", "/incidents/new");
  const t = await getTranslations("forms.newIncident");
  if (!allowed) return <RoleRefusal role="editor" title={t("title")} />;
  return (
    <PageMessages paths={["fields", "forms.conflict", "forms.incident", "map", "validation", "vocabulary"]}>
      <main>
        <h1>{t("title")}</h1>
        <p className="lede">{t("lede")}</p>
        <IncidentForm mode="create" initial={EMPTY_INCIDENT} />
      </main>
    </PageMessages>
  );
}
