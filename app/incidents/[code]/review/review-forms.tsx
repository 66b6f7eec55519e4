"use client";
// Per-claim actions (assess, supersede, retract) and the per-figure decision form. Each sends the
// version it read; a 409 shows what changed and keeps the editor's input.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useRef, useState, type FormEvent, type RefObject } from "react";
import { shownErrors, useFocusFirstError } from "@/components/editor/use-form-errors";
import type { FormActionState } from "@/lib/auth/role-guards";
import { assessClaimFormAction, recordDecisionFormAction, retractClaimFormAction, supersedeClaimFormAction } from "./actions";
import { Field } from "@/components/editor/field";
import { submitJson, type FieldErrors } from "@/components/editor/submit-json";
import { ASSESSMENTS, QUALIFIERS } from "@/lib/domain/vocabularies";
import { formatClaimValue } from "@/lib/format/localized-figures";
import { useI18n } from "@/lib/i18n/use-i18n";
import type { Qualifier } from "@/lib/domain/vocabularies";

export type ReviewClaim = {
  id: string;
  version: number;
  metric: string;
  category: string;
  subgroup: string | null;
  valueMin: number;
  valueMax: number | null;
  qualifier: string;
  statement: string;
  statedOn: string | null;
  claimant: string;
  document: string | null;
  assessment: string;
  assessmentReason: string | null;
  retracted: boolean;
  retractedReason: string | null;
  supersededById: string | null;
};

type FormAction = (state: FormActionState, form: FormData) => Promise<FormActionState>;

/** Hydrated: JSON to the API route. Posted before hydration: the server action (its state shows the outcome). */
function useAction(action: FormAction, formRef: RefObject<HTMLFormElement | null>) {
  const router = useRouter();
  const [state, formAction] = useActionState<FormActionState, FormData>(action, null);
  const [clientErrors, setErrors] = useState<FieldErrors>({});
  const [clientMessage, setMessage] = useState<string | null>(null);
  const { fields: errors, summary: message } = shownErrors(clientErrors, clientMessage, state);
  useFocusFirstError(formRef, errors);
  const [current, setCurrent] = useState<Record<string, unknown> | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(url: string, body: unknown, onDone?: () => void) {
    setBusy(true);
    const outcome = await submitJson(url, "POST", body);
    setBusy(false);
    if (outcome.ok) {
      setErrors({});
      setMessage(null);
      setCurrent(null);
      onDone?.();
      router.refresh();
      return;
    }
    setErrors(outcome.fields);
    setMessage(outcome.message);
    setCurrent(outcome.current ?? null);
  }
  return { errors, message, current, busy, run, formAction };
}

function Problem({ message, current }: { message: string | null; current: Record<string, unknown> | null }) {
  const t = useTranslations("review");
  const vocabulary = useTranslations("vocabulary");
  if (!message) return null;
  return (
    <div role="alert" className="form-error">
      {message}
      {current && "assessment" in current ? (
        <p>
          {t.rich("now", {
            assessment: vocabulary(`assessment.${String(current.assessment)}`),
            reason: current.assessmentReason ? t("nowReason", { reason: String(current.assessmentReason) }) : "",
            retracted: current.retractedAt ? t("nowRetracted") : "",
            version: String(current.version),
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      ) : null}
    </div>
  );
}

export function ClaimReviewRow({ claim }: { claim: ReviewClaim }) {
  const t = useTranslations("review");
  const vocabulary = useTranslations("vocabulary");
  const i18n = useI18n();
  const [mode, setMode] = useState<"none" | "assess" | "supersede" | "retract">("none");
  const [version, setVersion] = useState(claim.version);
  const formRef = useRef<HTMLFormElement>(null);
  const assess = useAction(assessClaimFormAction, formRef);
  const retract = useAction(retractClaimFormAction, formRef);
  const supersede = useAction(supersedeClaimFormAction, formRef);
  // One form is open at a time; its outcome is the one shown.
  const active = mode === "retract" ? retract : mode === "supersede" ? supersede : assess;
  const { errors, message, current, busy } = active;
  const [assessment, setAssessment] = useState(claim.assessment);
  const [reason, setReason] = useState(claim.assessmentReason ?? "");
  const [retractReason, setRetractReason] = useState("");
  const [next, setNext] = useState({
    valueMin: String(claim.valueMin),
    valueMax: claim.valueMax === null ? "" : String(claim.valueMax),
    qualifier: claim.qualifier,
    statement: "",
    statedOn: "",
  });
  const label = `${claim.claimant}: ${formatClaimValue(i18n, claim.valueMin, claim.valueMax, claim.qualifier as Qualifier)}${claim.subgroup ? ` (${claim.subgroup})` : ""}`;
  const keepVersion = (c: Record<string, unknown> | null) => typeof c?.version === "number" && setVersion(c.version);

  const submitAssess = async (e: FormEvent) => {
    e.preventDefault();
    await assess.run(`/api/claims/${claim.id}/assess`, { expectedVersion: version, assessment, reason }, () => setMode("none"));
  };
  const submitRetract = async (e: FormEvent) => {
    e.preventDefault();
    await retract.run(`/api/claims/${claim.id}/retract`, { expectedVersion: version, reason: retractReason }, () => setMode("none"));
  };
  const submitSupersede = async (e: FormEvent) => {
    e.preventDefault();
    await supersede.run(
      `/api/claims/${claim.id}/supersede`,
      {
        expectedVersion: version,
        metric: claim.metric,
        category: claim.category,
        subgroup: claim.subgroup,
        valueMin: next.valueMin === "" ? undefined : Number(next.valueMin),
        valueMax: next.valueMax === "" ? null : Number(next.valueMax),
        qualifier: next.qualifier,
        statement: next.statement,
        statedOn: next.statedOn || null,
      },
      () => setMode("none"),
    );
  };

  const status = claim.retracted
    ? t("retractedStatus", { reason: String(claim.retractedReason) })
    : claim.supersededById
      ? t("superseded")
      : vocabulary(`assessment.${claim.assessment}`);
  return (
    <li className="review-row" aria-label={label}>
      <div>
        <strong>{label}</strong> <span className="badge">{status}</span>
        <div className="meta">
          {claim.statedOn ?? t("dateUnknown")}
          {claim.document ? ` · ${claim.document}` : ""} · <q>{claim.statement}</q>
        </div>
      </div>
      {!claim.retracted ? (
        <div className="row-actions">
          <button type="button" className="link-button" onClick={() => setMode(mode === "assess" ? "none" : "assess")}>
            {t("assess")}
          </button>
          {!claim.supersededById ? (
            <button type="button" className="link-button" onClick={() => setMode(mode === "supersede" ? "none" : "supersede")}>
              {t("supersede")}
            </button>
          ) : null}
          <button type="button" className="link-button" onClick={() => setMode(mode === "retract" ? "none" : "retract")}>
            {t("retract")}
          </button>
        </div>
      ) : null}
      <Problem message={message} current={current} />
      {current ? (
        <button type="button" className="link-button" onClick={() => keepVersion(current)}>
          {t("overwrite")}
        </button>
      ) : null}
      {mode === "assess" ? (
        <form
          ref={formRef}
          action={assess.formAction}
          onSubmit={submitAssess}
          className="form"
          noValidate
          aria-label={t("assessLabel", { claim: label })}
        >
          <input type="hidden" name="claimId" value={claim.id} />
          <input type="hidden" name="expectedVersion" value={version} />
          <div className="form-grid">
            <Field idPrefix={`claim-${claim.id}`} name="assessment" label={t("fields.assessment")} errors={errors}>
              {(p) => (
                <select {...p} value={assessment} onChange={(e) => setAssessment(e.target.value)}>
                  {ASSESSMENTS.map((a) => (
                    <option key={a} value={a}>
                      {vocabulary(`assessment.${a}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field idPrefix={`claim-${claim.id}`} name="reason" label={t("fields.reason")} errors={errors}>
              {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
          </div>
          <button type="submit" disabled={busy}>
            {t("saveAssessment")}
          </button>
        </form>
      ) : null}
      {mode === "retract" ? (
        <form
          ref={formRef}
          action={retract.formAction}
          onSubmit={submitRetract}
          className="form"
          noValidate
          aria-label={t("retractLabel", { claim: label })}
        >
          <input type="hidden" name="claimId" value={claim.id} />
          <input type="hidden" name="expectedVersion" value={version} />
          <Field idPrefix={`claim-${claim.id}`} name="reason" label={t("fields.retractReason")} errors={errors}>
            {(p) => <input {...p} value={retractReason} onChange={(e) => setRetractReason(e.target.value)} />}
          </Field>
          <button type="submit" disabled={busy}>
            {t("retractClaim")}
          </button>
        </form>
      ) : null}
      {mode === "supersede" ? (
        <form
          ref={formRef}
          action={supersede.formAction}
          onSubmit={submitSupersede}
          className="form"
          noValidate
          aria-label={t("supersedeLabel", { claim: label })}
        >
          <input type="hidden" name="claimId" value={claim.id} />
          <input type="hidden" name="expectedVersion" value={version} />
          <input type="hidden" name="metric" value={claim.metric} />
          <input type="hidden" name="category" value={claim.category} />
          <input type="hidden" name="subgroup" value={claim.subgroup ?? ""} />
          <div className="form-grid">
            <Field idPrefix={`claim-${claim.id}`} name="valueMin" label={t("fields.valueMin")} errors={errors}>
              {(p) => (
                <input {...p} inputMode="numeric" value={next.valueMin} onChange={(e) => setNext({ ...next, valueMin: e.target.value })} />
              )}
            </Field>
            <Field idPrefix={`claim-${claim.id}`} name="valueMax" label={t("fields.valueMax")} errors={errors}>
              {(p) => (
                <input {...p} inputMode="numeric" value={next.valueMax} onChange={(e) => setNext({ ...next, valueMax: e.target.value })} />
              )}
            </Field>
            <Field idPrefix={`claim-${claim.id}`} name="qualifier" label={t("fields.qualifier")} errors={errors}>
              {(p) => (
                <select {...p} value={next.qualifier} onChange={(e) => setNext({ ...next, qualifier: e.target.value })}>
                  {QUALIFIERS.map((q) => (
                    <option key={q} value={q}>
                      {vocabulary(`qualifier.${q}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field idPrefix={`claim-${claim.id}`} name="statedOn" label={t("fields.statedOn")} errors={errors}>
              {(p) => <input {...p} type="date" value={next.statedOn} onChange={(e) => setNext({ ...next, statedOn: e.target.value })} />}
            </Field>
          </div>
          <Field idPrefix={`claim-${claim.id}`} name="statement" label={t("fields.statement")} errors={errors}>
            {(p) => <textarea {...p} rows={2} value={next.statement} onChange={(e) => setNext({ ...next, statement: e.target.value })} />}
          </Field>
          <button type="submit" disabled={busy}>
            {t("saveNewer")}
          </button>
        </form>
      ) : null}
    </li>
  );
}

export function DecisionForm({
  incidentCode,
  metric,
  category,
  current,
}: {
  incidentCode: string;
  metric: string;
  category: string;
  current: { id: string; best: number; low: number | null; high: number | null; rationale: string } | null;
}) {
  const t = useTranslations("review");
  const vocabulary = useTranslations("vocabulary");
  const [values, setValues] = useState({
    best: current ? String(current.best) : "",
    low: current?.low?.toString() ?? "",
    high: current?.high?.toString() ?? "",
    rationale: current?.rationale ?? "",
  });
  const [expected, setExpected] = useState(current?.id ?? null);
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, message, current: newer, busy, run, formAction } = useAction(recordDecisionFormAction, formRef);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(`/api/incidents/${incidentCode}/decisions`, {
      metric,
      category,
      best: values.best === "" ? undefined : Number(values.best),
      low: values.low === "" ? null : Number(values.low),
      high: values.high === "" ? null : Number(values.high),
      rationale: values.rationale,
      expectedDecisionId: expected,
    });
  };
  return (
    <details className="decision">
      <summary>{t(current ? "changeDecision" : "recordDecisionOn")}</summary>
      <form
        ref={formRef}
        action={formAction}
        onSubmit={submit}
        className="form"
        noValidate
        aria-label={t("decisionLabel", { metric: vocabulary(`metric.${metric}`), category: vocabulary(`category.${category}`) })}
      >
        <input type="hidden" name="incidentCode" value={incidentCode} />
        <input type="hidden" name="metric" value={metric} />
        <input type="hidden" name="category" value={category} />
        <input type="hidden" name="expectedDecisionId" value={expected ?? ""} />
        {message ? (
          <div role="alert" className="form-error">
            {message}
            {newer && "best" in newer ? (
              <p>
                {t("recordedMeanwhile", { best: String(newer.best), rationale: String(newer.rationale) })}{" "}
                <button type="button" className="link-button" onClick={() => setExpected(String(newer.id))}>
                  {t("replaceWithMine")}
                </button>
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="form-grid">
          <Field idPrefix={`decision-${metric}-${category}`} name="best" label={t("fields.best")} errors={errors}>
            {(p) => (
              <input {...p} inputMode="numeric" value={values.best} onChange={(e) => setValues({ ...values, best: e.target.value })} />
            )}
          </Field>
          <Field idPrefix={`decision-${metric}-${category}`} name="low" label={t("fields.low")} errors={errors}>
            {(p) => <input {...p} inputMode="numeric" value={values.low} onChange={(e) => setValues({ ...values, low: e.target.value })} />}
          </Field>
          <Field idPrefix={`decision-${metric}-${category}`} name="high" label={t("fields.high")} errors={errors}>
            {(p) => (
              <input {...p} inputMode="numeric" value={values.high} onChange={(e) => setValues({ ...values, high: e.target.value })} />
            )}
          </Field>
        </div>
        <Field idPrefix={`decision-${metric}-${category}`} name="rationale" label={t("fields.rationale")} errors={errors}>
          {(p) => (
            <textarea {...p} rows={2} value={values.rationale} onChange={(e) => setValues({ ...values, rationale: e.target.value })} />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {t("recordDecision")}
        </button>
      </form>
    </details>
  );
}
