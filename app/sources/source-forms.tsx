"use client";
// Editors add a source, or a document of a source (and which sources it relays).
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/editor/field";
import { submitJson, type FieldErrors } from "@/components/editor/submit-json";
import { SOURCE_KINDS } from "@/lib/domain/vocabularies";

export function SourceForms({ sources }: { sources: { id: string; name: string }[] }) {
  return (
    <div className="form-grid">
      <NewSourceForm />
      <NewDocumentForm sources={sources} />
    </div>
  );
}

function useSubmit(url: string) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
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
  return { errors, message, done, send };
}

function NewSourceForm() {
  const empty = { slug: "", name: "", kind: "ngo", countryIso3: "", isParty: false, url: "", notes: "" };
  const [values, setValues] = useState(empty);
  const { errors, message, done, send } = useSubmit("/api/sources");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(values, `Added ${values.name}.`, () => setValues(empty));
  };
  return (
    <form onSubmit={submit} className="form" noValidate aria-label="New source">
      <h2>New source</h2>
      {message ? <p role="alert" className="form-error">{message}</p> : null}
      {done ? <p role="status">{done}</p> : null}
      <Field name="name" label="Name" errors={errors}>
        {(p) => <input {...p} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />}
      </Field>
      <Field name="slug" label="Short id" errors={errors} hint="lowercase, e.g. hrw">
        {(p) => <input {...p} value={values.slug} onChange={(e) => setValues({ ...values, slug: e.target.value })} />}
      </Field>
      <Field name="kind" label="Kind" errors={errors}>
        {(p) => (
          <select {...p} value={values.kind} onChange={(e) => setValues({ ...values, kind: e.target.value })}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k.replace(/_/g, " ")}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="inline">
        <input type="checkbox" checked={values.isParty} onChange={(e) => setValues({ ...values, isParty: e.target.checked })} /> A party to the conflict
      </label>
      <Field name="countryIso3" label="Country (ISO3, optional)" errors={errors}>
        {(p) => <input {...p} value={values.countryIso3} maxLength={3} onChange={(e) => setValues({ ...values, countryIso3: e.target.value })} />}
      </Field>
      <Field name="url" label="Website (optional)" errors={errors}>
        {(p) => <input {...p} value={values.url} onChange={(e) => setValues({ ...values, url: e.target.value })} />}
      </Field>
      <button type="submit">Add source</button>
    </form>
  );
}

function NewDocumentForm({ sources }: { sources: { id: string; name: string }[] }) {
  const empty = { sourceId: "", title: "", url: "", publishedOn: "", accessedOn: "", language: "", archiveUrl: "", relaysSourceIds: [] as string[] };
  const [values, setValues] = useState(empty);
  const { errors, message, done, send } = useSubmit("/api/documents");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send({ ...values, publishedOn: values.publishedOn || null, accessedOn: values.accessedOn || null }, `Added “${values.title}”.`, () => setValues(empty));
  };
  return (
    <form onSubmit={submit} className="form" noValidate aria-label="New document">
      <h2>New document</h2>
      {message ? <p role="alert" className="form-error">{message}</p> : null}
      {done ? <p role="status">{done}</p> : null}
      <Field name="sourceId" label="Published by" errors={errors}>
        {(p) => (
          <select {...p} value={values.sourceId} onChange={(e) => setValues({ ...values, sourceId: e.target.value })}>
            <option value="">Choose a source…</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="title" label="Title" errors={errors}>
        {(p) => <input {...p} value={values.title} onChange={(e) => setValues({ ...values, title: e.target.value })} />}
      </Field>
      <Field name="url" label="URL" errors={errors}>
        {(p) => <input {...p} value={values.url} onChange={(e) => setValues({ ...values, url: e.target.value })} />}
      </Field>
      <div className="form-grid">
        <Field name="publishedOn" label="Published on" errors={errors}>
          {(p) => <input {...p} type="date" value={values.publishedOn} onChange={(e) => setValues({ ...values, publishedOn: e.target.value })} />}
        </Field>
        <Field name="accessedOn" label="Accessed on" errors={errors}>
          {(p) => <input {...p} type="date" value={values.accessedOn} onChange={(e) => setValues({ ...values, accessedOn: e.target.value })} />}
        </Field>
      </div>
      <Field name="archiveUrl" label="Archive URL" errors={errors}>
        {(p) => <input {...p} value={values.archiveUrl} onChange={(e) => setValues({ ...values, archiveUrl: e.target.value })} />}
      </Field>
      <Field name="relaysSourceIds" label="Relays (cites or republishes)" errors={errors}>
        {(p) => (
          <select
            {...p}
            multiple
            size={Math.min(6, Math.max(3, sources.length))}
            value={values.relaysSourceIds}
            onChange={(e) => setValues({ ...values, relaysSourceIds: Array.from(e.target.selectedOptions, (o) => o.value) })}
          >
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit">Add document</button>
    </form>
  );
}
