import { PageMessages } from "@/components/page-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { pageUser } from "@/lib/auth/page-guard";
import { claimEntryChoices } from "@/lib/incidents/editor-page-queries";
import { INCIDENT_CODE } from "@/lib/validation/incident";
import { ClaimEntryForm } from "./claim-entry-form";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("claimForm"))("metaTitle", { code: (await params).code }) };
}

export default async function NewClaimsPage({ params }: Props) {
  const { code } = await params;
  if (!INCIDENT_CODE.test(code)) notFound();
  const { allowed } = await pageUser("editor", `/incidents/${code}/claims/new`);
  const t = await getTranslations("claimForm");
  if (!allowed) return <RoleRefusal role="editor" title={t("refusalTitle")} />;
  const choices = await claimEntryChoices(code);
  if (!choices) notFound();
  const { incident, sources, documents } = choices;
  return (
    <PageMessages paths={["claimForm", "fields", "validation", "vocabulary"]}>
      <main>
        <h1>{t("heading", { title: incident.title })}</h1>
        <p className="lede">{t("lede")}</p>
        <ClaimEntryForm
          incidentCode={incident.code}
          sources={sources}
          documents={documents.map((d) => ({ id: d.id, label: `${d.source.name} — ${d.title}` }))}
        />
      </main>
    </PageMessages>
  );
}
