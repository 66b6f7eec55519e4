"use client";
// Paste a statement → the parser pre-fills one row per figure → the editor confirms or corrects
// → all rows are saved together. Rows can also be filled by hand.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useRef, useState, type FormEvent } from "react";
import type { FormActionState } from "@/lib/auth/role-guards";
import { addClaimsFormAction } from "./actions";
import { shownErrors, useFocusFirstError } from "@/components/editor/use-form-errors";
import { Field } from "@/components/editor/field";
import { messagesFor, submitJson, type FieldErrors } from "@/components/editor/submit-json";
import { CATEGORIES, METRICS, QUALIFIERS, type SourceKind } from "@/lib/domain/vocabularies";
import { SOURCE_KIND_LABELS } from "@/lib/format/vocabulary-labels";

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
  const [clientMessage, setMessage] = useState<string | null>(null);
  const { fields: errors, summary: message } = shownErrors(clientErrors, clientMessage, state);
  useFocusFirstError(formRef, errors);
  const [busy, setBusy] = useState(false);

  async function readStatement() {
    setMessage(null);
    const outcome = await submitJson<Parsed>("/api/statements/parse", "POST", { statement });
    if (!outcome.ok) {
      setErrors(outcome.fields);
      setMessage(outcome.message);
      return;
    }
    setErrors({});
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
    for (const [key, messages] of Object.entries(outcome.fields)) {
      const match = key.match(/^claims\.(\d+)\.(.+)$/);
      const shown = match ? chosen[Number(match[1])]?.index : undefined;
      mapped[match && shown !== undefined ? `row.${shown}.${match[2]}` : key.replace(/^claims\.\d+\./, "")] = messages;
    }
    if (claims.length === 1)
      for (const [key, messages] of Object.entries(outcome.fields))
        if (!key.startsWith("claims.")) mapped[`row.${chosen[0]!.index}.${key}`] = messages;
    setErrors(mapped);
    setMessage(outcome.message);
  }

  return (
    <form ref={formRef} action={formAction} onSubmit={save} className="form" noValidate aria-label="Add claims">
      <input type="hidden" name="incidentCode" value={incidentCode} />
      {message ? (
        <p role="alert" className="form-error">
          {message}
        </p>
      ) : null}
      <div className="form-grid">
        <Field name="claimantId" label="Claimant (whose figure it is)" errors={errors}>
          {(p) => (
            <select {...p} value={claimantId} onChange={(e) => setClaimantId(e.target.value)}>
              <option value="">Choose a source…</option>
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({SOURCE_KIND_LABELS[s.kind as SourceKind] ?? s.kind})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="documentId" label="Document it appears in" errors={errors}>
          {(p) => (
            <select {...p} value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
              <option value="">No document</option>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="statedOn" label="Date the claim was made" errors={errors}>
          {(p) => <input {...p} type="date" value={statedOn} onChange={(e) => setStatedOn(e.target.value)} />}
        </Field>
        <Field name="statedOnEnd" label="…or latest date, if only a range is known" errors={errors}>
          {(p) => <input {...p} type="date" value={statedOnEnd} onChange={(e) => setStatedOnEnd(e.target.value)} />}
        </Field>
      </div>
      <p className="meta">
        Missing a source or document? <Link href="/sources">Add it on the sources page</Link>.
      </p>
      <Field name="statement" label="Statement (verbatim)" errors={errors}>
        {(p) => <textarea {...p} rows={4} value={statement} onChange={(e) => setStatement(e.target.value)} />}
      </Field>
      <div>
        <button type="button" className="button secondary" onClick={readStatement} disabled={statement.trim().length < 3}>
          Read figures from the statement
        </button>{" "}
        <button type="button" className="button secondary" onClick={() => setRows((all) => [...all, EMPTY_ROW])}>
          Add a figure by hand
        </button>
      </div>
      {unresolved.length ? (
        <section className="form-notice" aria-label="Not read automatically">
          <strong>Not read automatically</strong> — enter these by hand if they are claims:
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
        <fieldset key={index} aria-label={`Figure ${index + 1}`}>
          <legend>Figure {index + 1}</legend>
          <label className="inline">
            <input
              type="checkbox"
              name={`row.${index}.include`}
              checked={row.include}
              onChange={(e) => update(index, { include: e.target.checked })}
            />{" "}
            Save this figure
          </label>
          <div className="form-grid">
            <RowSelect
              label="Metric"
              name={`row.${index}.metric`}
              value={row.metric}
              options={METRICS}
              errors={errors}
              onChange={(v) => update(index, { metric: v })}
            />
            <RowSelect
              label="Category"
              name={`row.${index}.category`}
              value={row.category}
              options={CATEGORIES}
              errors={errors}
              onChange={(v) => update(index, { category: v })}
            />
            <Field name={`row.${index}.subgroup`} label="Subgroup (optional)" errors={errors}>
              {(p) => <input {...p} value={row.subgroup} onChange={(e) => update(index, { subgroup: e.target.value })} />}
            </Field>
            <RowSelect
              label="Qualifier"
              name={`row.${index}.qualifier`}
              value={row.qualifier}
              options={QUALIFIERS}
              errors={errors}
              onChange={(v) => update(index, { qualifier: v })}
            />
            <Field name={`row.${index}.valueMin`} label="From (lowest)" errors={errors}>
              {(p) => (
                <input {...p} inputMode="numeric" value={row.valueMin} onChange={(e) => update(index, { valueMin: e.target.value })} />
              )}
            </Field>
            <Field name={`row.${index}.valueMax`} label="To (highest; empty = open)" errors={errors}>
              {(p) => (
                <input {...p} inputMode="numeric" value={row.valueMax} onChange={(e) => update(index, { valueMax: e.target.value })} />
              )}
            </Field>
          </div>
        </fieldset>
      ))}
      {messagesFor(errors, "claims").length ? <p className="field-error">{messagesFor(errors, "claims").join(" ")}</p> : null}
      <button type="submit" disabled={busy || rows.every((r) => !r.include)}>
        {busy
          ? "Saving…"
          : `Save ${rows.filter((r) => r.include).length || ""} claim${rows.filter((r) => r.include).length === 1 ? "" : "s"}`}
      </button>
    </form>
  );
}

function RowSelect({
  label,
  name,
  value,
  options,
  errors,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  options: readonly string[];
  errors: FieldErrors;
  onChange: (value: string) => void;
}) {
  return (
    <Field name={name} label={label} errors={errors}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {o.replace(/_/g, " ")}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
