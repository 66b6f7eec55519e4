import { PageMessages } from "@/components/page-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageUser } from "@/lib/auth/page-guard";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { FORMAT_COLUMNS } from "@/lib/import/run-import";
import { MAX_IMPORT_BYTES } from "@/lib/import/import-request";
import { findImportReport, IMPORT_REPORT_TTL_HOURS } from "@/lib/import/form-post-report";
import { db } from "@/lib/db";
import { ImportForm } from "./import-form";
import type { ReactNode } from "react";
import "./import.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("import"))("title") };
}

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportPage({ searchParams }: Props) {
  // The answer to a form posted without JavaScript (app/api/import/route.ts sends the browser here).
  const { report: reportId } = await searchParams;
  // Signed out meanwhile: back to the same report after signing in.
  const guard = await pageUser("editor", typeof reportId === "string" ? `/import?report=${encodeURIComponent(reportId)}` : "/import");
  const t = await getTranslations("import");
  if (!guard.allowed) return <RoleRefusal role="editor" title={t("title")} />;
  const report = typeof reportId === "string" ? await findImportReport(db, guard.user.id, reportId) : null;
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  return (
    <PageMessages paths={["import", "parser", "vocabulary.metric", "vocabulary.category"]}>
      <main className="import-page">
        <h1>{t("heading")}</h1>
        <p className="lede">{t.rich("lede", { megabytes: MAX_IMPORT_BYTES / 1024 / 1024, command: "npm run import", code })}</p>
        <ImportForm
          report={report}
          reportGone={reportId !== undefined && !report ? { hours: IMPORT_REPORT_TTL_HOURS } : null}
          maxMegabytes={MAX_IMPORT_BYTES / 1024 / 1024}
        />
        <section aria-labelledby="formats-heading" className="import-formats">
          <h2 id="formats-heading">{t("formats")}</h2>
          <dl>
            {(Object.keys(FORMAT_COLUMNS) as (keyof typeof FORMAT_COLUMNS)[]).map((format) => (
              <div key={format}>
                <dt>{format}</dt>
                <dd>
                  <p>{t(`formatNote.${format}`)}</p>
                  <p className="meta">
                    {t.rich("columns", {
                      required: FORMAT_COLUMNS[format].required.join(", "),
                      optional: FORMAT_COLUMNS[format].optional.join(", "),
                      code,
                    })}
                  </p>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </main>
    </PageMessages>
  );
}
