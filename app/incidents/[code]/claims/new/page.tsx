import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { pageUser } from "@/lib/auth/page-guard";
import { claimEntryChoices } from "@/lib/incidents/editor-page-queries";
import { INCIDENT_CODE } from "@/lib/validation/incident";
import { ClaimEntryForm } from "./claim-entry-form";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Add claims to ${(await params).code}` };
}

export default async function NewClaimsPage({ params }: Props) {
  const { code } = await params;
  if (!INCIDENT_CODE.test(code)) notFound();
  const { allowed } = await pageUser("editor", `/incidents/${code}/claims/new`);
  if (!allowed) return <RoleRefusal role="editor" title="Add claims" />;
  const choices = await claimEntryChoices(code);
  if (!choices) notFound();
  const { incident, sources, documents } = choices;
  return (
    <main>
      <h1>Add claims to {incident.title}</h1>
      <p className="lede">
        Paste what the source said. Triangulate reads the figures out of it; check each one, correct it if needed, and save. Each figure is
        kept as its own claim, attributed to its claimant.
      </p>
      <ClaimEntryForm
        incidentCode={incident.code}
        sources={sources}
        documents={documents.map((d) => ({ id: d.id, label: `${d.source.name} — ${d.title}` }))}
      />
    </main>
  );
}
