"use client";
// Paste a statement → the parser pre-fills one row per figure → the editor confirms or corrects
// → all rows are saved together. Rows can also be filled by hand.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useRef, useState, type FormEvent } from "react";
import type { FormActionState } from "@/lib/auth/role-guards";
import { addClaimsFormAction } from "./actions";
import { shownErrors, useFocusFirstError, type FormMessage } from "@/components/editor/use-form-errors";
import { Field } from "@/components/editor/field";
import { submitJson, type FieldErrors, type FieldIssues } from "@/components/editor/submit-json";
import { CATEGORIES, METRICS, QUALIFIERS, SOURCE_KINDS } from "@/lib/domain/vocabularies";
import { fieldMessages } from "@/lib/forms/validation-messages";
import { useI18n } from "@/lib/i18n/use-i18n";

type Row = { metric: string; category: string; subgroup: string; valueMin: string; valueMax: string; qualifier: string; include: boolean };
type Parsed = {
  figures: { metric: string; category: string; subgroup: string | null; valueMin: number; valueMax: number | null; qualifier: string }[];
  unresolved: { text: string; reason: string }[];
};

const EMPTY_ROW: Row = {
  metric: "killed",
  category: "civilians",
  subgroup: "",
  valueMin: "",
  valueMax: "",
  qualifier: "exact",
  include: true,
};

export function ClaimEntryForm({
  incidentCode,
  sources,
  documents,
}: {
  incidentCode: string;
  sources: { id: string; name: string; kind: string }[];
  documents: { id: string; label: string }[];
}) {
  const router = useRouter();
  const t = useTranslations("claimForm");
  const f = useTranslations("fields");
  const vocab = useTranslations("vocabulary");
  const i18n = useI18n();
  const [state, formAction] = useActionState<FormActionState, FormData>(addClaimsFormAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const [statement, setStatement] = useState("");
  const [claimantId, setClaimantId] = useState("");
  const [documentId, setDocumentId] = useState("");
  const [statedOn, setStatedOn] = useState("");
  const [statedOnEnd, setStatedOnEnd] = useState("");
  const [rows, setRows] = useState<Row[]>([]);
  const [unresolved, setUnresolved] = useState<Parsed["unresolved"]>([]);
  const [clientErrors, setErrors] = useState<FieldErrors>({});
  const [clientIssues, setIssues] = useState<FieldIssues>({});
  const [clientMessage, setMessage] = useState<FormMessage>(null);
  const { fields: errors, issues, summary: message } = shownErrors(clientErrors, clientMessage, state, i18n, clientIssues);
  useFocusFirstError(formRef, errors);
  const [busy, setBusy] = useState(false);

  async function readStatement() {
    setMessage(null);
    const outcome = await submitJson<Parsed>("/api/statements/parse", "POST", { statement });
    if (!outcome.ok) {
      setErrors(outcome.fields);
      setIssues(outcome.issues);
      setMessage({ code: outcome.code, message: outcome.message });
      return;
    }
    setErrors({});
    setIssues({});
    setRows(
      outcome.data.figures.map((f) => ({
        metric: f.metric,
        category: f.category,
        subgroup: f.subgroup ?? "",
        valueMin: String(f.valueMin),
        valueMax: f.valueMax === null ? "" : String(f.valueMax),
        qualifier: f.qualifier,
        include: true,
      })),
    );
    setUnresolved(outcome.data.unresolved);
  }

  const update = (index: number, patch: Partial<Row>) => setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function save(event: FormEvent) {
    event.preventDefault();
    const chosen = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.include);
    const claims = chosen.map(({ row }) => ({
      incidentCode,
      claimantId,
      documentId: documentId || null,
      statement,
      statedOn: statedOn || null,
      statedOnEnd: statedOnEnd || null,
      metric: row.metric,
      category: row.category,
      subgroup: row.subgroup || null,
      valueMin: row.valueMin === "" ? undefined : Number(row.valueMin),
      valueMax: row.valueMax === "" ? null : Number(row.valueMax),
      qualifier: row.qualifier,
    }));
    setBusy(true);
    const outcome = await submitJson("/api/claims", "POST", { claims });
    setBusy(false);
    if (outcome.ok) {
      router.push(`/incidents/${incidentCode}`);
      router.refresh();
      return;
    }
    // Row errors come back as claims.<i>.<field> for the i-th saved row; map them to the row shown.
    const mapped: FieldErrors = {};
    const mappedIssues: FieldIssues = {};
    const put = (to: string, from: string) => {
      mapped[to] = outcome.fields[from]!;
      if (outcome.issues[from]) mappedIssues[to] = outcome.issues[from];
    };
    for (const key of Object.keys(outcome.fields)) {
      const match = key.match(/^claims\.(\d+)\.(.+)$/);
      const shown = match ? chosen[Number(match[1])]?.index : undefined;
      put(match && shown !== undefined ? `row.${shown}.${match[2]}` : key.replace(/^claims\.\d+\./, ""), key);
    }
    if (claims.length === 1)
      for (const key of Object.keys(outcome.fields)) if (!key.startsWith("claims.")) put(`row.${chosen[0]!.index}.${key}`, key);
    setErrors(mapped);
    setIssues(mappedIssues);
    setMessage({ code: outcome.code, message: outcome.message });
  }

  // Problems of the claims as a whole ("add at least one figure"), under the rows.
  const claimsMessages = fieldMessages(i18n, errors, issues, "claims", f("claims"));

  return (
    <form ref={formRef} action={formAction} onSubmit={save} className="form" noValidate aria-label={t("formLabel")}>
      <input type="hidden" name="incidentCode" value={incidentCode} />
      {message ? (
        <p role="alert" className="form-error">
          {message}
        </p>
      ) : null}
      <div className="form-grid">
        <Field name="claimantId" label={t("label.claimantId")} errors={errors} issues={issues}>
          {(p) => (
            <select {...p} value={claimantId} onChange={(e) => setClaimantId(e.target.value)}>
              <option value="">{t("chooseSource")}</option>
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {t("sourceOption", {
                    name: s.name,
                    kind: (SOURCE_KINDS as readonly string[]).includes(s.kind) ? vocab(`sourceKind.${s.kind}`) : s.kind,
                  })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="documentId" label={t("label.documentId")} errors={errors} issues={issues}>
          {(p) => (
            <select {...p} value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
              <option value="">{t("noDocument")}</option>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="statedOn" label={t("label.statedOn")} errors={errors} issues={issues}>
          {(p) => <input {...p} type="date" value={statedOn} onChange={(e) => setStatedOn(e.target.value)} />}
        </Field>
        <Field name="statedOnEnd" label={t("label.statedOnEnd")} errors={errors} issues={issues}>
          {(p) => <input {...p} type="date" value={statedOnEnd} onChange={(e) => setStatedOnEnd(e.target.value)} />}
        </Field>
      </div>
      <p className="meta">{t.rich("missingSource", { link: (chunks) => <Link href="/sources">{chunks}</Link> })}</p>
      <Field name="statement" label={t("label.statement")} errors={errors} issues={issues}>
        {(p) => <textarea {...p} rows={4} value={statement} onChange={(e) => setStatement(e.target.value)} />}
      </Field>
      <div>
        <button type="button" className="button secondary" onClick={readStatement} disabled={statement.trim().length < 3}>
          {t("readStatement")}
        </button>{" "}
        <button type="button" className="button secondary" onClick={() => setRows((all) => [...all, EMPTY_ROW])}>
          {t("addByHand")}
        </button>
      </div>
      {unresolved.length ? (
        <section className="form-notice" aria-label={t("unresolvedLabel")}>
          {t.rich("unresolvedLead", { strong: (chunks) => <strong>{chunks}</strong> })}
          <ul>
            {unresolved.map((u, i) => (
              <li key={i}>
                <q>{u.text}</q>: {u.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {rows.map((row, index) => (
        <fieldset key={index} aria-label={t("figure", { number: index + 1 })}>
          <legend>{t("figure", { number: index + 1 })}</legend>
          <label className="inline">
            <input
              type="checkbox"
              name={`row.${index}.include`}
              checked={row.include}
              onChange={(e) => update(index, { include: e.target.checked })}
            />{" "}
            {t("include")}
          </label>
          <div className="form-grid">
            <RowSelect
              label={f("metric")}
              name={`row.${index}.metric`}
              value={row.metric}
              options={METRICS}
              optionLabel={(o) => vocab(`metric.${o}`)}
              errors={errors}
              issues={issues}
              onChange={(v) => update(index, { metric: v })}
            />
            <RowSelect
              label={f("category")}
              name={`row.${index}.category`}
              value={row.category}
              options={CATEGORIES}
              optionLabel={(o) => vocab(`category.${o}`)}
              errors={errors}
              issues={issues}
              onChange={(v) => update(index, { category: v })}
            />
            <Field name={`row.${index}.subgroup`} label={t("label.subgroup")} errors={errors} issues={issues}>
              {(p) => <input {...p} value={row.subgroup} onChange={(e) => update(index, { subgroup: e.target.value })} />}
            </Field>
            <RowSelect
              label={f("qualifier")}
              name={`row.${index}.qualifier`}
              value={row.qualifier}
              options={QUALIFIERS}
              optionLabel={(o) => vocab(`qualifier.${o}`)}
              errors={errors}
              issues={issues}
              onChange={(v) => update(index, { qualifier: v })}
            />
            <Field name={`row.${index}.valueMin`} label={t("label.valueMin")} errors={errors} issues={issues}>
              {(p) => (
                <input {...p} inputMode="numeric" value={row.valueMin} onChange={(e) => update(index, { valueMin: e.target.value })} />
              )}
            </Field>
            <Field name={`row.${index}.valueMax`} label={t("label.valueMax")} errors={errors} issues={issues}>
              {(p) => (
                <input {...p} inputMode="numeric" value={row.valueMax} onChange={(e) => update(index, { valueMax: e.target.value })} />
              )}
            </Field>
          </div>
        </fieldset>
      ))}
      {claimsMessages.length ? <p className="field-error">{claimsMessages.join(" ")}</p> : null}
      <button type="submit" disabled={busy || rows.every((r) => !r.include)}>
        {busy ? t("saving") : t("save", { count: rows.filter((r) => r.include).length })}
      </button>
    </form>
  );
}

function RowSelect({
  label,
  name,
  value,
  options,
  optionLabel,
  errors,
  issues,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  options: readonly string[];
  optionLabel: (option: string) => string;
  errors: FieldErrors;
  issues: FieldIssues;
  onChange: (value: string) => void;
}) {
  return (
    <Field name={name} label={label} errors={errors} issues={issues}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {optionLabel(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
