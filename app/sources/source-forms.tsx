"use client";
// Editors add a source, or a document of a source (and which sources it relays).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState, type FormEvent, type RefObject } from "react";
import { Field } from "@/components/editor/field";
import { submitJson, type FieldErrors } from "@/components/editor/submit-json";
import { shownErrors, useFocusFirstError } from "@/components/editor/use-form-errors";
import type { FormActionState } from "@/lib/auth/role-guards";
import { SOURCE_KINDS } from "@/lib/domain/vocabularies";
import { createDocumentFormAction, createSourceFormAction } from "./actions";

export function SourceForms({ sources }: { sources: { id: string; name: string }[] }) {
  return (
    <div className="form-grid">
      <NewSourceForm />
      <NewDocumentForm sources={sources} />
    </div>
  );
}

/** Hydrated: the values go as JSON to the API route. Posted before hydration: the server action answers (state). */
function useSubmit(
  url: string,
  action: (state: FormActionState, form: FormData) => Promise<FormActionState>,
  formRef: RefObject<HTMLFormElement | null>,
) {
  const router = useRouter();
  const [state, formAction] = useActionState<FormActionState, FormData>(action, null);
  const [clientErrors, setErrors] = useState<FieldErrors>({});
  const [clientMessage, setMessage] = useState<string | null>(null);
  const [clientDone, setDone] = useState<string | null>(null);
  const { fields: errors, summary: message } = shownErrors(clientErrors, clientMessage, state);
  const done = clientDone ?? (state?.ok ? (state.done ?? null) : null);
  useFocusFirstError(formRef, errors);
  async function send(body: unknown, success: string, reset: () => void) {
    const outcome = await submitJson(url, "POST", body);
    if (outcome.ok) {
      setErrors({});
      setMessage(null);
      setDone(success);
      reset();
      router.refresh();
    } else {
      setDone(null);
      setErrors(outcome.fields);
      setMessage(outcome.message);
    }
  }
  return { errors, message, done, send, formAction, typed: state?.values };
}

function NewSourceForm() {
  const empty = { slug: "", name: "", kind: "ngo", countryIso3: "", isParty: false, url: "", notes: "" };
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, message, done, send, formAction, typed } = useSubmit("/api/sources", createSourceFormAction, formRef);
  const t = useTranslations("sources.forms");
  const vocabulary = useTranslations("vocabulary");
  const [values, setValues] = useState(() => (typed ? { ...empty, ...typed, isParty: typed.isParty === "on" } : empty));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(values, t("addedSource", { name: values.name }), () => setValues(empty));
  };
  return (
    <form ref={formRef} action={formAction} onSubmit={submit} className="form" noValidate aria-label={t("newSource")}>
      <h2>{t("newSource")}</h2>
      {message ? (
        <p role="alert" className="form-error">
          {message}
        </p>
      ) : null}
      {done ? <p role="status">{done}</p> : null}
      <Field name="name" label={t("name")} errors={errors}>
        {(p) => <input {...p} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />}
      </Field>
      <Field name="slug" label={t("slug")} errors={errors} hint={t("slugHint")}>
        {(p) => <input {...p} value={values.slug} onChange={(e) => setValues({ ...values, slug: e.target.value })} />}
      </Field>
      <Field name="kind" label={t("kind")} errors={errors}>
        {(p) => (
          <select {...p} value={values.kind} onChange={(e) => setValues({ ...values, kind: e.target.value })}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {vocabulary(`sourceKindMenu.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="inline">
        <input
          type="checkbox"
          name="isParty"
          checked={values.isParty}
          onChange={(e) => setValues({ ...values, isParty: e.target.checked })}
        />{" "}
        {t("isParty")}
      </label>
      <Field name="countryIso3" label={t("country")} errors={errors}>
        {(p) => (
          <input {...p} value={values.countryIso3} maxLength={3} onChange={(e) => setValues({ ...values, countryIso3: e.target.value })} />
        )}
      </Field>
      <Field name="url" label={t("website")} errors={errors}>
        {(p) => <input {...p} value={values.url} onChange={(e) => setValues({ ...values, url: e.target.value })} />}
      </Field>
      <button type="submit">{t("addSource")}</button>
    </form>
  );
}

function NewDocumentForm({ sources }: { sources: { id: string; name: string }[] }) {
  const empty = {
    sourceId: "",
    title: "",
    url: "",
    publishedOn: "",
    accessedOn: "",
    language: "",
    archiveUrl: "",
    relaysSourceIds: [] as string[],
  };
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, message, done, send, formAction, typed } = useSubmit("/api/documents", createDocumentFormAction, formRef);
  const t = useTranslations("sources.forms");
  const [values, setValues] = useState(() => (typed ? { ...empty, ...typed, relaysSourceIds: [] } : empty));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(
      { ...values, publishedOn: values.publishedOn || null, accessedOn: values.accessedOn || null },
      t("addedDocument", { title: values.title }),
      () => setValues(empty),
    );
  };
  return (
    <form ref={formRef} action={formAction} onSubmit={submit} className="form" noValidate aria-label={t("newDocument")}>
      <h2>{t("newDocument")}</h2>
      {message ? (
        <p role="alert" className="form-error">
          {message}
        </p>
      ) : null}
      {done ? <p role="status">{done}</p> : null}
      <Field idPrefix="document" name="sourceId" label={t("publishedBy")} errors={errors}>
        {(p) => (
          <select {...p} value={values.sourceId} onChange={(e) => setValues({ ...values, sourceId: e.target.value })}>
            <option value="">{t("chooseSource")}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field idPrefix="document" name="title" label={t("title")} errors={errors}>
        {(p) => <input {...p} value={values.title} onChange={(e) => setValues({ ...values, title: e.target.value })} />}
      </Field>
      <Field idPrefix="document" name="url" label={t("url")} errors={errors} hint={t("urlHint")}>
        {(p) => <input {...p} type="url" value={values.url} onChange={(e) => setValues({ ...values, url: e.target.value })} />}
      </Field>
      <div className="form-grid">
        <Field idPrefix="document" name="publishedOn" label={t("publishedOn")} errors={errors}>
          {(p) => (
            <input {...p} type="date" value={values.publishedOn} onChange={(e) => setValues({ ...values, publishedOn: e.target.value })} />
          )}
        </Field>
        <Field idPrefix="document" name="accessedOn" label={t("accessedOn")} errors={errors}>
          {(p) => (
            <input {...p} type="date" value={values.accessedOn} onChange={(e) => setValues({ ...values, accessedOn: e.target.value })} />
          )}
        </Field>
      </div>
      <Field idPrefix="document" name="archiveUrl" label={t("archiveUrl")} errors={errors} hint={t("archiveHint")}>
        {(p) => <input {...p} value={values.archiveUrl} onChange={(e) => setValues({ ...values, archiveUrl: e.target.value })} />}
      </Field>
      <fieldset className="choice-group" aria-describedby="relays-hint">
        <legend>{t("relays")}</legend>
        <span id="relays-hint" className="meta">
          {t("relaysHint")}
        </span>
        <div className="choices relay-choices">
          {sources.map((s) => (
            <label key={s.id} className="inline">
              <input
                type="checkbox"
                name="relaysSourceIds"
                value={s.id}
                checked={values.relaysSourceIds.includes(s.id)}
                onChange={(e) =>
                  setValues({
                    ...values,
                    relaysSourceIds: e.target.checked
                      ? [...values.relaysSourceIds, s.id]
                      : values.relaysSourceIds.filter((id) => id !== s.id),
                  })
                }
              />{" "}
              {s.name}
            </label>
          ))}
        </div>
        {errors.relaysSourceIds ? <span className="field-error">{errors.relaysSourceIds.join(" ")}</span> : null}
      </fieldset>
      <button type="submit">{t("addDocument")}</button>
    </form>
  );
}
