"use client";
// Create or edit an incident. Location by clicking the map, typing coordinates or searching the
// offline gazetteer. While creating, likely duplicates are shown before saving. A stale save (409)
// shows each field both editors changed side by side (their other changes already merged in); the editor chooses.
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { createIncidentFormAction, updateIncidentFormAction } from "@/app/incidents/incident-actions";
import type { FormActionState } from "@/lib/auth/role-guards";
import { ACTOR_ROLES, DATE_PRECISIONS, GRADINGS } from "@/lib/domain/vocabularies";
import { Field } from "./field";
import { EDITABLE_INCIDENT_FIELDS } from "@/lib/domain/incident-fields";
import { useI18n } from "@/lib/i18n/use-i18n";
import { submitJson, type FieldConflict, type FieldErrors, type FieldIssues } from "./submit-json";
import { shownErrors, useFocusFirstError, type FormMessage } from "./use-form-errors";
import type { DuplicateCandidate } from "@/lib/incidents/duplicate-queries";

function LoadingMap() {
  const t = useTranslations("forms.incident");
  return <p className="meta">{t("loadingMap")}</p>;
}

const LocationPicker = dynamic(() => import("./location-picker"), { ssr: false, loading: () => <LoadingMap /> });

export type IncidentFormValues = {
  title: string;
  summary: string;
  dateStart: string;
  dateEnd: string;
  datePrecision: string;
  placeName: string;
  admin1: string;
  admin2: string;
  countryIso3: string;
  latitude: string;
  longitude: string;
  locationPrecision: string;
  eventType: string;
  subEventType: string;
  grading: string;
  acledEventId: string;
  ucdpId: string;
  actors: { name: string; role: string }[];
};

export const EMPTY_INCIDENT: IncidentFormValues = {
  title: "",
  summary: "",
  dateStart: "",
  dateEnd: "",
  datePrecision: "day",
  placeName: "",
  admin1: "",
  admin2: "",
  countryIso3: "",
  latitude: "",
  longitude: "",
  locationPrecision: "1",
  eventType: "Violence against civilians",
  subEventType: "",
  grading: "fair",
  acledEventId: "",
  ucdpId: "",
  actors: [],
};

// ACLED's event types; the field stays free text for other taxonomies.
const EVENT_TYPES = ["Battles", "Violence against civilians", "Explosions/Remote violence", "Riots", "Protests", "Strategic developments"];
// UCDP's where_prec levels; their words are forms.incident.precisionOption.<level>.
const PRECISION_LEVELS = ["1", "2", "3", "4", "5", "6", "7"] as const;

type Place = { name: string; admin1: string | null; countryIso3: string; latitude: number; longitude: number };
// The API's answer (GET /api/incidents/duplicates); a type only, so nothing server-side is bundled.
type Duplicate = DuplicateCandidate;

function toPayload(v: IncidentFormValues) {
  return {
    ...v,
    latitude: v.latitude === "" ? undefined : Number(v.latitude),
    longitude: v.longitude === "" ? undefined : Number(v.longitude),
    locationPrecision: Number(v.locationPrecision),
    actors: v.actors.filter((a) => a.name.trim()),
  };
}

export function IncidentForm({
  mode,
  code,
  initial,
  version,
}: {
  mode: "create" | "edit";
  code?: string;
  initial: IncidentFormValues;
  version?: number;
}) {
  const router = useRouter();
  const t = useTranslations("forms.incident");
  const f = useTranslations("fields");
  const vocab = useTranslations("vocabulary");
  const i18n = useI18n();
  // Posted before hydration, the form goes to the server action; its state brings back the errors and what was typed.
  const [state, formAction] = useActionState<FormActionState, FormData>(
    mode === "create" ? createIncidentFormAction : updateIncidentFormAction,
    null,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<IncidentFormValues>(() => ({ ...initial, ...typedBack(state?.values, initial) }));
  const [expectedVersion, setExpectedVersion] = useState(version ?? 1);
  const [clientErrors, setErrors] = useState<FieldErrors>({});
  const [clientIssues, setIssues] = useState<FieldIssues>({});
  const [clientMessage, setMessage] = useState<FormMessage>(null);
  const { fields: errors, issues, summary: message } = shownErrors(clientErrors, clientMessage, state, i18n, clientIssues);
  useFocusFirstError(formRef, errors);
  const [conflicts, setConflicts] = useState<FieldConflict[]>([]);
  const [busy, setBusy] = useState(false);
  const [places, setPlaces] = useState<Place[]>([]);
  const [placeQuery, setPlaceQuery] = useState("");
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);

  const set = (name: keyof IncidentFormValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));

  useEffect(() => {
    if (placeQuery.trim().length < 2) return setPlaces([]);
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/gazetteer?q=${encodeURIComponent(placeQuery)}`);
      if (response.ok) setPlaces(((await response.json()) as { items: Place[] }).items);
    }, 250);
    return () => clearTimeout(timer);
  }, [placeQuery]);

  // Likely duplicates, refreshed as the editor types the title, date and place.
  useEffect(() => {
    if (mode !== "create") return;
    const params = new URLSearchParams({ title: values.title });
    if (values.dateStart && values.latitude && values.longitude) {
      params.set("dateStart", values.dateStart);
      params.set("latitude", values.latitude);
      params.set("longitude", values.longitude);
    }
    if (values.title.trim().length < 3 && !params.has("dateStart")) return setDuplicates([]);
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/incidents/duplicates?${params}`);
      if (response.ok) setDuplicates(((await response.json()) as { items: Duplicate[] }).items);
    }, 300);
    return () => clearTimeout(timer);
  }, [mode, values.title, values.dateStart, values.latitude, values.longitude]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const outcome =
      mode === "create"
        ? await submitJson<{ code: string }>("/api/incidents", "POST", toPayload(values))
        : await submitJson<{ code: string }>(`/api/incidents/${code}`, "PATCH", { ...toPayload(values), expectedVersion });
    setBusy(false);
    if (outcome.ok) {
      router.push(`/incidents/${outcome.data.code}`);
      router.refresh();
      return;
    }
    setErrors(outcome.fields);
    setIssues(outcome.issues);
    setMessage({ code: outcome.code, message: outcome.message });
    setConflicts(outcome.status === 409 ? (outcome.conflicts ?? []) : []);
    if (outcome.status === 409 && outcome.proposal) {
      // The server's merge: their newer values where only they changed a field, yours elsewhere.
      // Saving again at their version keeps that, with the choice made for each conflicting field.
      const proposal = outcome.proposal;
      setValues((v) => ({ ...v, ...formValuesOf(proposal, v) }));
      if (typeof proposal.version === "number") setExpectedVersion(proposal.version);
    }
  }

  // The API words its reason in English; the form words it from the distance or the title's likeness.
  const duplicateReason = (d: Duplicate) =>
    d.reason.startsWith("within") && d.distanceKm !== null
      ? t("duplicateNear", { km: Math.round(d.distanceKm) })
      : t("duplicateTitle", { percent: Math.round(d.titleSimilarity * 100) });

  const choose = (field: string, value: unknown) => setValues((v) => ({ ...v, ...formValuesOf({ [field]: value }, v) }));

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={submit}
      className="form"
      noValidate
      aria-label={mode === "create" ? t("newLabel") : t("editLabel")}
    >
      {mode === "edit" ? (
        <>
          <input type="hidden" name="code" value={code} />
          <input type="hidden" name="expectedVersion" value={expectedVersion} />
        </>
      ) : null}
      {message ? (
        <p role="alert" className="form-error">
          {message}
        </p>
      ) : null}
      {conflicts.length ? <ConflictChoices conflicts={conflicts} values={values} onChoose={choose} /> : null}
      <Field name="title" label={f("title")} errors={errors} issues={issues}>
        {(p) => <input {...p} value={values.title} onChange={set("title")} />}
      </Field>
      {duplicates.length ? (
        <section className="form-notice" aria-label={t("possibleDuplicates")} aria-live="polite">
          <strong>{t("possibleDuplicatesLead")}</strong>
          <ul>
            {duplicates.map((d) => (
              <li key={d.code}>
                <a href={`/incidents/${d.code}`} target="_blank" rel="noreferrer">
                  {d.code} · {d.title}
                </a>{" "}
                ({d.dateStart}, {d.placeName}; {duplicateReason(d)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Field name="summary" label={f("summary")} errors={errors} issues={issues}>
        {(p) => <textarea {...p} rows={4} value={values.summary} onChange={set("summary")} />}
      </Field>
      <div className="form-grid">
        <Field name="dateStart" label={f("dateStart")} errors={errors} issues={issues}>
          {(p) => <input {...p} type="date" value={values.dateStart} onChange={set("dateStart")} />}
        </Field>
        <Field name="dateEnd" label={f("dateEnd")} errors={errors} issues={issues} hint={t("hint.dateEnd")}>
          {(p) => <input {...p} type="date" value={values.dateEnd} onChange={set("dateEnd")} />}
        </Field>
        <Field name="datePrecision" label={f("datePrecision")} errors={errors} issues={issues}>
          {(p) => (
            <select {...p} value={values.datePrecision} onChange={set("datePrecision")}>
              {DATE_PRECISIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`datePrecisionOption.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset>
        <legend>{t("location")}</legend>
        <label>
          {t("searchPlaces")}
          <input type="search" value={placeQuery} onChange={(e) => setPlaceQuery(e.target.value)} placeholder={t("searchPlaceholder")} />
        </label>
        {places.length ? (
          <ul className="place-results" aria-label={t("placesFound")}>
            {places.map((p) => (
              <li key={`${p.name}-${p.latitude}-${p.longitude}`}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setValues((v) => ({
                      ...v,
                      placeName: p.name,
                      admin1: p.admin1 ?? "",
                      countryIso3: p.countryIso3,
                      latitude: String(p.latitude),
                      longitude: String(p.longitude),
                    }));
                    setPlaces([]);
                    setPlaceQuery("");
                  }}
                >
                  {p.name}
                  {p.admin1 ? `, ${p.admin1}` : ""} ({p.countryIso3})
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <LocationPicker
          latitude={values.latitude === "" ? null : Number(values.latitude)}
          longitude={values.longitude === "" ? null : Number(values.longitude)}
          onPick={(lat, lon) => setValues((v) => ({ ...v, latitude: String(lat), longitude: String(lon) }))}
        />
        <div className="form-grid">
          <Field name="latitude" label={f("latitude")} errors={errors} issues={issues}>
            {(p) => <input {...p} inputMode="decimal" value={values.latitude} onChange={set("latitude")} />}
          </Field>
          <Field name="longitude" label={f("longitude")} errors={errors} issues={issues}>
            {(p) => <input {...p} inputMode="decimal" value={values.longitude} onChange={set("longitude")} />}
          </Field>
          <Field name="locationPrecision" label={t("label.locationPrecision")} errors={errors} issues={issues}>
            {(p) => (
              <select {...p} value={values.locationPrecision} onChange={set("locationPrecision")}>
                {PRECISION_LEVELS.map((value) => (
                  <option key={value} value={value}>
                    {t(`precisionOption.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-grid">
          <Field name="placeName" label={f("placeName")} errors={errors} issues={issues}>
            {(p) => <input {...p} value={values.placeName} onChange={set("placeName")} />}
          </Field>
          <Field name="admin1" label={f("admin1")} errors={errors} issues={issues} hint={t("hint.admin1")}>
            {(p) => <input {...p} value={values.admin1} onChange={set("admin1")} />}
          </Field>
          <Field name="admin2" label={f("admin2")} errors={errors} issues={issues} hint={t("hint.admin2")}>
            {(p) => <input {...p} value={values.admin2} onChange={set("admin2")} />}
          </Field>
          <Field name="countryIso3" label={t("label.countryIso3")} errors={errors} issues={issues}>
            {(p) => <input {...p} value={values.countryIso3} onChange={set("countryIso3")} maxLength={3} />}
          </Field>
        </div>
      </fieldset>
      <div className="form-grid">
        <Field name="eventType" label={f("eventType")} errors={errors} issues={issues}>
          {(p) => (
            <>
              <input {...p} list="event-types" value={values.eventType} onChange={set("eventType")} />
              <datalist id="event-types">
                {EVENT_TYPES.map((t) => (
                  <option key={t} value={t} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field name="subEventType" label={f("subEventType")} errors={errors} issues={issues}>
          {(p) => <input {...p} value={values.subEventType} onChange={set("subEventType")} />}
        </Field>
        <Field name="grading" label={f("grading")} errors={errors} issues={issues} hint={t("hint.grading")}>
          {(p) => (
            <select {...p} value={values.grading} onChange={set("grading")}>
              {GRADINGS.map((g) => (
                <option key={g} value={g}>
                  {vocab(`grading.${g}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="acledEventId" label={f("acledEventId")} errors={errors} issues={issues}>
          {(p) => <input {...p} value={values.acledEventId} onChange={set("acledEventId")} />}
        </Field>
        <Field name="ucdpId" label={f("ucdpId")} errors={errors} issues={issues}>
          {(p) => <input {...p} value={values.ucdpId} onChange={set("ucdpId")} />}
        </Field>
      </div>
      <fieldset>
        <legend>{t("actors")}</legend>
        {values.actors.map((actor, index) => (
          <div className="form-grid" key={index}>
            <Field name={`actors.${index}.name`} label={t("label.actor", { number: index + 1 })} errors={errors} issues={issues}>
              {(p) => (
                <input
                  {...p}
                  value={actor.name}
                  onChange={(e) =>
                    setValues((v) => ({ ...v, actors: v.actors.map((a, i) => (i === index ? { ...a, name: e.target.value } : a)) }))
                  }
                />
              )}
            </Field>
            <Field name={`actors.${index}.role`} label={t("label.actorRole", { number: index + 1 })} errors={errors} issues={issues}>
              {(p) => (
                <select
                  {...p}
                  value={actor.role}
                  onChange={(e) =>
                    setValues((v) => ({ ...v, actors: v.actors.map((a, i) => (i === index ? { ...a, role: e.target.value } : a)) }))
                  }
                >
                  {ACTOR_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {vocab(`actorRole.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => setValues((v) => ({ ...v, actors: [...v.actors, { name: "", role: "alleged_perpetrator" }] }))}
        >
          {t("addActor")}
        </button>
      </fieldset>
      <button type="submit" disabled={busy}>
        {busy ? t("saving") : mode === "create" ? t("create") : conflicts.length ? t("saveChoices") : t("save")}
      </button>
    </form>
  );
}

/** Values of a merge proposal or a chosen side, as the form holds them (text inputs, actor rows). */
function formValuesOf(values: Record<string, unknown>, current: IncidentFormValues): Partial<IncidentFormValues> {
  const out: Partial<IncidentFormValues> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!(key in current)) continue;
    if (key === "actors") {
      if (Array.isArray(value))
        out.actors = value.map((a) => (typeof a === "string" ? actorFromText(a) : (a as { name: string; role: string })));
      continue;
    }
    (out as Record<string, string>)[key] = value === null || value === undefined ? "" : String(value);
  }
  return out;
}

/** "Name (role)", as the history and a conflict show an actor. */
function actorFromText(text: string): { name: string; role: string } {
  const match = /^(.*) \(([a-z_]+)\)$/.exec(text);
  return match ? { name: match[1]!, role: match[2]! } : { name: text, role: "alleged_perpetrator" };
}

const shown = (value: unknown, words: { none: string; empty: string }) =>
  Array.isArray(value)
    ? value.map((a) => (typeof a === "string" ? a : `${(a as { name: string }).name}`)).join("; ") || words.none
    : value === null || value === ""
      ? words.empty
      : String(value);

/** Each field both sides changed: theirs and yours side by side, one choice per field. */
function ConflictChoices({
  conflicts,
  values,
  onChoose,
}: {
  conflicts: FieldConflict[];
  values: IncidentFormValues;
  onChoose: (field: string, value: unknown) => void;
}) {
  const t = useTranslations("forms.conflict");
  const f = useTranslations("fields");
  const words = { none: t("none"), empty: t("empty") };
  return (
    <section className="form-notice" aria-label={t("label")}>
      {t.rich("lead", { strong: (chunks) => <strong>{chunks}</strong> })}
      {conflicts.map((c) => {
        const current = formValuesOf({ [c.field]: c.theirs }, values);
        const isTheirs =
          JSON.stringify(current[c.field as keyof IncidentFormValues]) === JSON.stringify(values[c.field as keyof IncidentFormValues]);
        return (
          <fieldset key={c.field} className="conflict-choice">
            <legend>{(EDITABLE_INCIDENT_FIELDS as readonly string[]).includes(c.field) ? f(c.field) : c.field}</legend>
            <label>
              <input type="radio" name={`choice-${c.field}`} checked={isTheirs} onChange={() => onChoose(c.field, c.theirs)} />{" "}
              {t("theirs")} <q>{shown(c.theirs, words)}</q>
            </label>
            <label>
              <input type="radio" name={`choice-${c.field}`} checked={!isTheirs} onChange={() => onChoose(c.field, c.yours)} /> {t("yours")}{" "}
              <q>{shown(c.yours, words)}</q>
            </label>
            {c.base !== null ? <p className="meta">{t("before", { value: shown(c.base, words) })}</p> : null}
          </fieldset>
        );
      })}
    </section>
  );
}

/** Values a server action handed back after a save posted before hydration (flat, as the form named them). */
function typedBack(typed: Record<string, string> | undefined, initial: IncidentFormValues): Partial<IncidentFormValues> {
  if (!typed) return {};
  const flat = Object.fromEntries(Object.entries(typed).filter(([key]) => key in initial && key !== "actors"));
  const actors: { name: string; role: string }[] = [];
  for (const [key, value] of Object.entries(typed)) {
    const match = key.match(/^actors\.(\d+)\.(name|role)$/);
    if (match) (actors[Number(match[1])] ??= { name: "", role: "alleged_perpetrator" })[match[2] as "name" | "role"] = value;
  }
  return { ...flat, ...(actors.length ? { actors: actors.filter(Boolean) } : {}) };
}
