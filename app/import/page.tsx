import type { Metadata } from "next";
import { pageUser } from "@/lib/auth/page-guard";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { FORMAT_COLUMNS } from "@/lib/import/run-import";
import { MAX_IMPORT_BYTES } from "@/lib/import/import-request";
import { ImportForm } from "./import-form";
import "./import.css";

export const metadata: Metadata = { title: "Import" };
export const dynamic = "force-dynamic";

const FORMAT_NOTES = {
  acled:
    "An ACLED export. Each event becomes an incident (matched by event_id_cnty) with one claim by ACLED: its fatalities, killed · unspecified.",
  ucdp: "A UCDP GED file. Each event becomes an incident (matched by id) with one claim by UCDP GED: killed · unspecified, from low to high.",
  claims:
    "Claims about incidents already here, in the format of the claims.csv export. Empty metric or values are read from the statement.",
} as const;

export default async function ImportPage() {
  const guard = await pageUser("editor", "/import");
  if (!guard.allowed) return <RoleRefusal role="editor" title="Import" />;
  return (
    <main className="import-page">
      <h1>Import a CSV file</h1>
      <p className="lede">
        Every row is checked before anything is written. If any row is invalid, nothing is imported unless you ask for the valid rows only.
        Importing the same file again adds nothing. Files up to {MAX_IMPORT_BYTES / 1024 / 1024} MB; for larger ones use{" "}
        <code>npm run import</code> on the server.
      </p>
      <ImportForm />
      <section aria-labelledby="formats-heading" className="import-formats">
        <h2 id="formats-heading">Formats</h2>
        <dl>
          {(Object.keys(FORMAT_COLUMNS) as (keyof typeof FORMAT_COLUMNS)[]).map((format) => (
            <div key={format}>
              <dt>{format}</dt>
              <dd>
                <p>{FORMAT_NOTES[format]}</p>
                <p className="meta">
                  Required columns: <code>{FORMAT_COLUMNS[format].required.join(", ")}</code>. Also read:{" "}
                  <code>{FORMAT_COLUMNS[format].optional.join(", ")}</code>.
                </p>
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
