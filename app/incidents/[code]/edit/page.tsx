import { PageMessages } from "@/components/page-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { IncidentForm, type IncidentFormValues } from "@/components/editor/incident-form";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { pageUser } from "@/lib/auth/page-guard";
import { incidentForEdit } from "@/lib/incidents/editor-page-queries";
import { INCIDENT_CODE } from "@/lib/validation/incident";
import { MergeForm } from "./merge-form";
import { isoDay } from "@/lib/validation/calendar-day";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("forms.editIncident"))("metaTitle", { code: (await params).code }) };
}

export default async function EditIncidentPage({ params }: Props) {
  const { code } = await params;
  if (!INCIDENT_CODE.test(code)) notFound();
  const { allowed } = await pageUser("editor", `/incidents/${code}/edit`);
  const t = await getTranslations("forms.editIncident");
  if (!allowed) return <RoleRefusal role="editor" title={t("metaTitle", { code })} />;
  const incident = await incidentForEdit(code);
  if (!incident) notFound();
  const initial: IncidentFormValues = {
    title: incident.title,
    summary: incident.summary,
    dateStart: isoDay(incident.dateStart),
    dateEnd: isoDay(incident.dateEnd),
    datePrecision: incident.datePrecision,
    placeName: incident.placeName,
    admin1: incident.admin1 ?? "",
    admin2: incident.admin2 ?? "",
    countryIso3: incident.countryIso3,
    latitude: String(incident.latitude),
    longitude: String(incident.longitude),
    locationPrecision: String(incident.locationPrecision),
    eventType: incident.eventType,
    subEventType: incident.subEventType ?? "",
    grading: incident.grading,
    acledEventId: incident.acledEventId ?? "",
    ucdpId: incident.ucdpId ?? "",
    actors: incident.actors.map((a) => ({ name: a.name, role: a.role })),
  };
  return (
    <PageMessages paths={["fields", "forms.conflict", "forms.incident", "forms.merge", "map", "validation", "vocabulary"]}>
      <main>
        <h1>{t("heading", { code: incident.code, title: incident.title })}</h1>
        <IncidentForm mode="edit" code={incident.code} initial={initial} version={incident.version} />
        <hr />
        <MergeForm code={incident.code} version={incident.version} />
      </main>
    </PageMessages>
  );
}
