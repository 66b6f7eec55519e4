"use client";
// Uploads the file to POST /api/import and follows its NDJSON progress lines: an indeterminate
// bar while the file uploads and is read, a determinate one while rows are checked and written,
// then the summary and every row error the server reported.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { ImportProgress, ImportSummary, RowError } from "@/lib/import/import-types";
import { figuresOutcome } from "@/lib/import/import-report";
import { FigureQueueProgress } from "./figure-queue-progress";

type Result = ImportSummary & { errorCount: number };
type State =
  | { step: "idle" }
  | { step: "running"; progress: ImportProgress | null }
  | { step: "done"; status: number; summary: Result }
  | { step: "failed"; message: string };

const PHASE_LABELS: Record<ImportProgress["phase"], string> = {
  reading: "Reading the file",
  validating: "Checking every row",
  "checking references": "Checking incidents, sources and claims it refers to",
  writing: "Writing",
  "refreshing figures": "Recomputing the figures of the incidents it touched",
  done: "Done",
};

async function readLines(response: Response, onLine: (line: Record<string, unknown>) => void) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let newline;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line) onLine(JSON.parse(line) as Record<string, unknown>);
    }
    if (done) return;
  }
}

export function ImportForm() {
  const [state, setState] = useState<State>({ step: "idle" });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setState({ step: "running", progress: null });
    try {
      const response = await fetch("/api/import", { method: "POST", body: form, headers: { Accept: "application/x-ndjson" } });
      if (!(response.headers.get("content-type") ?? "").includes("ndjson")) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({ step: "failed", message: body?.error?.message ?? `The server answered ${response.status}.` });
        return;
      }
      let finished = false;
      await readLines(response, (line) => {
        if (line.type === "progress") setState({ step: "running", progress: line as unknown as ImportProgress });
        else if (line.type === "result") {
          finished = true;
          setState({ step: "done", status: line.status as number, summary: line.summary as Result });
        } else if (line.type === "error") {
          finished = true;
          setState({ step: "failed", message: String(line.message) });
        }
      });
      if (!finished)
        setState({ step: "failed", message: "The connection closed before the import finished. Check the audit log before trying again." });
    } catch {
      setState({ step: "failed", message: "The upload failed: check your connection and try again." });
    }
  }

  const running = state.step === "running";
  return (
    <>
      {/* method/action/encType: posted before hydration, the file still goes to the import route (never a GET). */}
      <form
        className="form import-form"
        method="post"
        action="/api/import"
        encType="multipart/form-data"
        onSubmit={submit}
        aria-describedby="import-status"
      >
        {/* Labels beside (not around) their controls: a label wrapping a select would read its option as part of its name. */}
        <div className="import-field">
          <label htmlFor="import-file">CSV file</label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" required disabled={running} />
        </div>
        <div className="import-field">
          <label htmlFor="import-format">Format</label>
          <select id="import-format" name="format" defaultValue="claims" disabled={running}>
            <option value="claims">Claims (Triangulate claims.csv)</option>
            <option value="acled">ACLED export</option>
            <option value="ucdp">UCDP GED</option>
          </select>
        </div>
        <label className="inline" htmlFor="import-valid-only">
          <input id="import-valid-only" name="validOnly" type="checkbox" value="true" disabled={running} />
          Import only the valid rows (report the others)
        </label>
        <button type="submit" disabled={running}>
          {running ? "Importing…" : "Import"}
        </button>
      </form>
      <div id="import-status" aria-live="polite">
        {state.step === "running" ? <RunningProgress progress={state.progress} /> : null}
        {state.step === "failed" ? (
          <p role="alert" className="form-error">
            {state.message}
          </p>
        ) : null}
        {state.step === "done" ? <ImportResult summary={state.summary} /> : null}
      </div>
    </>
  );
}

function RunningProgress({ progress }: { progress: ImportProgress | null }) {
  const label = progress ? PHASE_LABELS[progress.phase] : "Uploading";
  const determinate = progress !== null && progress.total > 0;
  return (
    <div className="import-progress">
      <label htmlFor="import-progress-bar">{label}…</label>
      {determinate ? (
        <progress id="import-progress-bar" max={progress.total} value={progress.done}>
          {progress.done} of {progress.total}
        </progress>
      ) : (
        <progress id="import-progress-bar" aria-label={`${label}…`} />
      )}
      {determinate ? (
        <span className="meta">
          {progress.done.toLocaleString("en")} of {progress.total.toLocaleString("en")}
        </span>
      ) : null}
    </div>
  );
}

function ImportResult({ summary: s }: { summary: Result }) {
  const refused = !s.imported;
  return (
    <section aria-labelledby="import-result-heading" className="import-result">
      <h2 id="import-result-heading">
        {refused ? (s.dryRun && s.errorCount === 0 ? "Dry run: the file is valid" : "Nothing was imported") : "Imported"}
      </h2>
      {refused && s.errorCount > 0 ? (
        <p role="alert" className="form-error">
          {s.invalidRows} of {s.rows} rows are invalid{s.errors.some((e) => e.row === null) ? " (or the file itself is)" : ""}. Fix them and
          upload again, or tick “Import only the valid rows”.
        </p>
      ) : null}
      <dl className="import-counts">
        <dt>File</dt>
        <dd>
          {s.fileName} ({s.format})
        </dd>
        <dt>Rows</dt>
        <dd>
          {s.rows} ({s.validRows} valid, {s.invalidRows} invalid)
        </dd>
        {s.imported ? (
          <>
            <dt>Incidents</dt>
            <dd>
              {s.incidentsCreated} created, {s.incidentsMatched} matched
            </dd>
            <dt>Claims</dt>
            <dd>
              {s.claimsCreated} created, {s.claimsAlreadyPresent} already present, {s.claimsSuperseded} superseded
            </dd>
            <dt>Figures</dt>
            <dd>
              {figuresOutcome(s)}
              {s.figuresQueued ? <FigureQueueProgress queued={s.figuresQueued} /> : null}
            </dd>
            {s.incidentCodes?.length ? (
              <>
                <dt>{s.format === "claims" ? "Incidents with new claims" : "New incidents"}</dt>
                <dd>
                  <ul className="import-links">
                    {s.incidentCodes.map((code) => (
                      <li key={code}>
                        <a href={`/incidents/${code}`}>{code}</a>
                      </li>
                    ))}
                  </ul>
                  {(s.format === "claims" ? s.claimsCreated : s.incidentsCreated) > s.incidentCodes.length ? (
                    <span className="meta">(the first {s.incidentCodes.length} shown)</span>
                  ) : null}
                </dd>
              </>
            ) : null}
            {s.sourcesCreated.length ? (
              <>
                <dt>New sources</dt>
                <dd>
                  {s.sourcesCreated.join(", ")} — check their names and party status on the <Link href="/sources">Sources page</Link>
                </dd>
              </>
            ) : null}
          </>
        ) : null}
        <dt>Time</dt>
        <dd>{(s.durationMs / 1000).toFixed(1)} s</dd>
      </dl>
      {s.errorCount > 0 ? <ErrorTable errors={s.errors} total={s.errorCount} /> : null}
    </section>
  );
}

function ErrorTable({ errors, total }: { errors: RowError[]; total: number }) {
  return (
    <table className="figures import-errors">
      <caption>
        Problems ({total}
        {total > errors.length ? `, the first ${errors.length} shown` : ""})
      </caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Line</th>
          <th scope="col">Column</th>
          <th scope="col">Value</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e, i) => (
          <tr key={i}>
            <td className="num">{e.row ?? "—"}</td>
            <td className="num">{e.line ?? "—"}</td>
            <td>{e.column ?? "—"}</td>
            <td>
              <code>{e.value ?? ""}</code>
            </td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
