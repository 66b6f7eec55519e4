import type { Metadata } from "next";
import { EMPTY_INCIDENT, IncidentForm } from "@/components/editor/incident-form";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { pageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "New incident" };

export default async function NewIncidentPage() {
  const { allowed } = await pageUser("editor", "/incidents/new");
  if (!allowed) return <RoleRefusal role="editor" title="New incident" />;
  return (
    <main>
      <h1>New incident</h1>
      <p className="lede">Record where and when it happened. Casualty figures are added afterwards as sourced claims.</p>
      <IncidentForm mode="create" initial={EMPTY_INCIDENT} />
    </main>
  );
}
