"use client";
// Uploads the file to POST /api/import and follows its NDJSON progress lines: an indeterminate
// bar while the file uploads and is read, a determinate one while rows are checked and written,
// then the summary and every row error the server reported. Posted before hydration, the form
// goes to the same route, which answers with a 303 back here: `report` is that answer.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { ImportProgress, ImportSummary, RowError } from "@/lib/import/import-types";
import type { ImportReportAnswer } from "@/lib/import/form-post-report";
import { FigureQueueProgress } from "./figure-queue-progress";
import { uploadFailure, type UploadError } from "./import-failure";

type Result = ImportSummary & { errorCount: number };
type State =
  | { step: "idle" }
  | { step: "running"; progress: ImportProgress | null }
  | { step: "done"; status: number; summary: Result }
  /** `signIn`: the session ended, so the words come with a link to sign in again. */
  | { step: "failed"; message: string; signIn?: boolean };

type Translate = ReturnType<typeof useTranslations<"import">>;

/** The catalogue key (import.phase.*) of each phase the server reports. */
const PHASE_KEYS: Record<ImportProgress["phase"], string> = {
  reading: "reading",
  validating: "validating",
  "checking references": "checkingReferences",
  writing: "writing",
  "refreshing figures": "refreshingFigures",
  done: "done",
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

/** `reportGone`: the address named a report this reader cannot see (another's, expired or malformed). */
type Props = { report?: ImportReportAnswer | null; reportGone?: { hours: number } | null; maxMegabytes: number };

export function ImportForm({ report = null, reportGone = null, maxMegabytes }: Props) {
  const t = useTranslations("import");
  const failure = (error: UploadError | null | undefined, status: number): State => ({
    step: "failed",
    message: uploadFailure((key, values) => t(`failed.${key}`, values), error, status, maxMegabytes),
    signIn: error?.code === "unauthenticated",
  });
  // A stored answer (the form posted before hydration): the summary, or the error that refused the upload.
  const [state, setState] = useState<State>(() => {
    if (!report) return { step: "idle" };
    const error = report.body.error as UploadError | undefined;
    if (error) return failure(error, report.status);
    return { step: "done", status: report.status, summary: report.body as unknown as Result };
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // A report shown from the address would come back on a reload: this import replaces it.
    if (window.location.search) window.history.replaceState(null, "", window.location.pathname);
    setState({ step: "running", progress: null });
    try {
      const response = await fetch("/api/import", { method: "POST", body: form, headers: { Accept: "application/x-ndjson" } });
      if (!(response.headers.get("content-type") ?? "").includes("ndjson")) {
        const body = (await response.json().catch(() => null)) as { error?: UploadError } | null;
        setState(failure(body?.error, response.status));
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
          setState(failure(line as UploadError, Number(line.status)));
        }
      });
      if (!finished) setState({ step: "failed", message: t("failed.closed") });
    } catch {
      setState({ step: "failed", message: t("failed.upload") });
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
          <label htmlFor="import-file">{t("form.file")}</label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" required disabled={running} />
        </div>
        <div className="import-field">
          <label htmlFor="import-format">{t("form.format")}</label>
          <select id="import-format" name="format" defaultValue="claims" disabled={running}>
            <option value="claims">{t("form.formatClaims")}</option>
            <option value="acled">{t("form.formatAcled")}</option>
            <option value="ucdp">{t("form.formatUcdp")}</option>
          </select>
        </div>
        <label className="inline" htmlFor="import-valid-only">
          <input id="import-valid-only" name="validOnly" type="checkbox" value="true" disabled={running} />
          {t("form.validOnly")}
        </label>
        <button type="submit" disabled={running}>
          {running ? t("form.importing") : t("form.submit")}
        </button>
      </form>
      <div id="import-status" aria-live="polite">
        {reportGone && state.step === "idle" ? (
          <p role="status" className="notice">
            {t("reportGone", reportGone)}
          </p>
        ) : null}
        {state.step === "running" ? <RunningProgress progress={state.progress} t={t} /> : null}
        {state.step === "failed" ? (
          <p role="alert" className="form-error">
            {state.message}
            {state.signIn ? (
              <>
                {" "}
                <Link href="/login?next=%2Fimport">{t("failed.signIn")}</Link>
              </>
            ) : null}
          </p>
        ) : null}
        {state.step === "done" ? <ImportResult summary={state.summary} t={t} /> : null}
      </div>
    </>
  );
}

function RunningProgress({ progress, t }: { progress: ImportProgress | null; t: Translate }) {
  const label = t("running", { phase: t(`phase.${progress ? PHASE_KEYS[progress.phase] : "uploading"}`) });
  const determinate = progress !== null && progress.total > 0;
  return (
    <div className="import-progress">
      <label htmlFor="import-progress-bar">{label}</label>
      {determinate ? (
        <progress id="import-progress-bar" max={progress.total} value={progress.done}>
          {t("progress", { done: progress.done, total: progress.total })}
        </progress>
      ) : (
        <progress id="import-progress-bar" aria-label={label} />
      )}
      {determinate ? <span className="meta">{t("progressCount", { done: progress.done, total: progress.total })}</span> : null}
    </div>
  );
}

function ImportResult({ summary: s, t }: { summary: Result; t: Translate }) {
  const refused = !s.imported;
  return (
    <section aria-labelledby="import-result-heading" className="import-result">
      <h2 id="import-result-heading">
        {t(
          refused
            ? s.dryRun && s.errorCount === 0
              ? "result.dryRunValid"
              : "result.nothingImported"
            : s.validRows === 0 && s.rows > 0
              ? "result.nothingValid"
              : "result.imported",
        )}
      </h2>
      {refused && s.errorCount > 0 ? (
        <p role="alert" className="form-error">
          {s.errors.some((e) => e.row === null) ? t("result.fileInvalid") : t("result.invalid", { invalid: s.invalidRows, rows: s.rows })}
        </p>
      ) : null}
      <dl className="import-counts">
        <dt>{t("result.file")}</dt>
        <dd>{t("result.fileValue", { name: s.fileName, format: s.format })}</dd>
        <dt>{t("result.rows")}</dt>
        <dd>{t("result.rowsValue", { rows: s.rows, valid: s.validRows, invalid: s.invalidRows })}</dd>
        {s.imported ? (
          <>
            <dt>{t("result.incidents")}</dt>
            <dd>{t("result.incidentsValue", { created: s.incidentsCreated, matched: s.incidentsMatched })}</dd>
            <dt>{t("result.claims")}</dt>
            <dd>
              {t("result.claimsValue", { created: s.claimsCreated, present: s.claimsAlreadyPresent, superseded: s.claimsSuperseded })}
            </dd>
            <dt>{t("result.figures")}</dt>
            <dd>
              {s.figuresQueued
                ? t("result.figuresQueued", { count: s.figuresQueued })
                : t("result.figuresRefreshed", { count: s.figuresRefreshed })}
              {s.figuresQueued ? <FigureQueueProgress queued={s.figuresQueued} /> : null}
            </dd>
            {s.incidentCodes?.length ? (
              <>
                <dt>{t(s.format === "claims" ? "result.incidentsWithNewClaims" : "result.newIncidents")}</dt>
                <dd>
                  <ul className="import-links">
                    {s.incidentCodes.map((code) => (
                      <li key={code}>
                        <a href={`/incidents/${code}`}>{code}</a>
                      </li>
                    ))}
                  </ul>
                  {(s.format === "claims" ? s.claimsCreated : s.incidentsCreated) > s.incidentCodes.length ? (
                    <span className="meta">{t("result.firstShown", { count: s.incidentCodes.length })}</span>
                  ) : null}
                </dd>
              </>
            ) : null}
            {s.sourcesCreated.length ? (
              <>
                <dt>{t("result.newSources")}</dt>
                <dd>
                  {t.rich("result.checkSources", {
                    sources: s.sourcesCreated.join(", "),
                    link: (chunks) => <Link href="/sources">{chunks}</Link>,
                  })}
                </dd>
              </>
            ) : null}
          </>
        ) : null}
        <dt>{t("result.time")}</dt>
        <dd>{t("result.seconds", { seconds: s.durationMs / 1000 })}</dd>
      </dl>
      {s.errorCount > 0 ? <ErrorTable errors={s.errors} total={s.errorCount} t={t} /> : null}
    </section>
  );
}

type Figure = { metric: string; category: string; subgroup: string | null; text: string };

/** A problem in the reader's language; the server's English when the catalogue has no words for it. */
function problemText(
  e: RowError,
  t: Translate,
  parser: ReturnType<typeof useTranslations<"parser">>,
  vocabulary: {
    metric: ReturnType<typeof useTranslations<"vocabulary.metric">>;
    category: ReturnType<typeof useTranslations<"vocabulary.category">>;
  },
): string {
  const code = e.problem?.code;
  if (!code || !t.has(`problem.${code}`)) return e.message;
  const values = { ...e.problem!.values };
  // The figures a statement gave, their metric and category named in the reader's words.
  if (code === "parser_several" && typeof values.figureList === "string")
    values.figures = (JSON.parse(values.figureList) as Figure[])
      .map((f) =>
        t("problemFigure", {
          metric: vocabulary.metric(f.metric as "killed"),
          category: vocabulary.category(f.category as "civilians"),
          subgroup: f.subgroup ?? "none",
          text: f.text,
        }),
      )
      .join("; ");
  // The statement parser's reason, worded from its own catalogue (parser.json).
  if (code === "parser_unresolved" && typeof values.reasonCode === "string" && parser.has(values.reasonCode))
    values.reason = parser(values.reasonCode, values as Record<string, string>);
  return t(`problem.${code}`, values);
}

function ErrorTable({ errors, total, t }: { errors: RowError[]; total: number; t: Translate }) {
  const parser = useTranslations("parser");
  const vocabulary = { metric: useTranslations("vocabulary.metric"), category: useTranslations("vocabulary.category") };
  return (
    <table className="figures import-errors">
      <caption>
        {total > errors.length ? t("errors.captionFirst", { total, shown: errors.length }) : t("errors.caption", { total })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t("errors.row")}</th>
          <th scope="col">{t("errors.line")}</th>
          <th scope="col">{t("errors.column")}</th>
          <th scope="col">{t("errors.value")}</th>
          <th scope="col">{t("errors.problem")}</th>
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
            <td>{problemText(e, t, parser, vocabulary)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
