import { PageMessages } from "@/components/page-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageUser } from "@/lib/auth/page-guard";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { FORMAT_COLUMNS } from "@/lib/import/run-import";
import { MAX_IMPORT_BYTES } from "@/lib/import/import-request";
import { ImportForm } from "./import-form";
import type { ReactNode } from "react";
import "./import.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("import"))("title") };
}

export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const guard = await pageUser("editor", "/import");
  const t = await getTranslations("import");
  if (!guard.allowed) return <RoleRefusal role="editor" title={t("title")} />;
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  return (
    <PageMessages paths={["import"]}>
      <main className="import-page">
        <h1>{t("heading")}</h1>
        <p className="lede">{t.rich("lede", { megabytes: MAX_IMPORT_BYTES / 1024 / 1024, command: "npm run import", code })}</p>
        <ImportForm />
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
