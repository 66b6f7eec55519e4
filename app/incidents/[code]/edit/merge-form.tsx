"use client";
// Merge this incident into another (a duplicate found late): its claims, actors and history move
// to the surviving incident, and this code will redirect there.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/editor/field";
import { submitJson, type FieldErrors } from "@/components/editor/submit-json";

export function MergeForm({ code, version }: { code: string; version: number }) {
  const router = useRouter();
  const [target, setTarget] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const targetCode = target.trim().toUpperCase();
    const found = await fetch(`/api/incidents/${encodeURIComponent(targetCode)}`);
    if (!found.ok) {
      setErrors({ targetCode: [`no incident ${targetCode || "with that code"}`] });
      setMessage(null);
      return;
    }
    const { incident } = (await found.json()) as { incident: { code: string; version: number; title: string } };
    if (!window.confirm(`Merge ${code} into ${incident.code} (“${incident.title}”)? Its claims move there and ${code} will redirect.`)) return;
    const outcome = await submitJson<{ code: string }>(`/api/incidents/${code}/merge`, "POST", { targetCode: incident.code, expectedVersion: version, targetExpectedVersion: incident.version });
    if (outcome.ok) {
      router.push(`/incidents/${outcome.data.code}`);
      router.refresh();
      return;
    }
    setErrors(outcome.fields);
    setMessage(outcome.message);
  }

  return (
    <form onSubmit={submit} className="form" noValidate aria-label="Merge into another incident">
      <h2>Merge into another incident</h2>
      <p className="meta">Use this when {code} turns out to be a duplicate. Nothing is deleted.</p>
      {message ? <p role="alert" className="form-error">{message}</p> : null}
      <Field name="targetCode" label="Code of the incident to keep" errors={errors}>
        {(p) => <input {...p} value={target} onChange={(e) => setTarget(e.target.value)} placeholder="MLI-2025-0001" />}
      </Field>
      <button type="submit">Merge</button>
    </form>
  );
}
