"use client";
// The filter, as a plain GET form: it works without JavaScript (the browser writes the URL), and
// with it the page updates in place, keeping the map where it is. The URL is the filter.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { FLAGS, GRADINGS, SOURCE_KINDS } from "@/lib/domain/vocabularies";
import { formQuery } from "@/lib/filters/filter-url";
import { FLAG_LABELS } from "@/lib/format/flag-explanations";
import { SOURCE_KIND_LABELS } from "@/lib/format/vocabulary-labels";
import type { FilterFacets } from "@/lib/incidents/analyst-queries";
import { countryName } from "@/lib/format/country-name";

/** The current filter as the form shows it: every value as written in the URL. */
export type FilterValues = Partial<Record<"from" | "to" | "admin1" | "actor" | "minKilled", string>> &
  Partial<Record<"country" | "eventType" | "claimant" | "claimantKind" | "grading" | "flag", string[]>>;

function Choices({
  name,
  legend,
  options,
  checked,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: string[] | undefined;
}) {
  if (options.length === 0) return null;
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      <div className="choices">
        {options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked?.includes(o.value)} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Field({ label, htmlFor, children, hint }: { label: string; htmlFor: string; children: ReactNode; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint ? (
        <span className="hint" id={`${htmlFor}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

export function FilterForm({ facets, values, activeCount }: { facets: FilterFacets; values: FilterValues; activeCount: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <details className="filters">
      <summary>
        Filters{activeCount ? ` (${activeCount} active)` : ""}
        {pending ? <span className="meta"> · updating…</span> : null}
      </summary>
      <form
        method="get"
        action="/"
        aria-label="Filter incidents"
        onSubmit={(event) => {
          event.preventDefault();
          const entries = [...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)] as [string, string]);
          const search = formQuery(entries, window.location.search);
          startTransition(() => router.push(`/${search ? `?${search}` : ""}`, { scroll: false }));
        }}
      >
        <div className="filter-grid">
          <Field label="From" htmlFor="filter-from">
            <input id="filter-from" type="date" name="from" defaultValue={values.from} />
          </Field>
          <Field label="To" htmlFor="filter-to">
            <input id="filter-to" type="date" name="to" defaultValue={values.to} />
          </Field>
          <Field label="Minimum killed" htmlFor="filter-min-killed" hint="Headline best, all categories">
            <input
              id="filter-min-killed"
              type="number"
              name="minKilled"
              min={0}
              step={1}
              inputMode="numeric"
              defaultValue={values.minKilled}
              aria-describedby="filter-min-killed-hint"
            />
          </Field>
          <Field label="Region (admin1)" htmlFor="filter-admin1" hint="Comma-separated">
            <input
              id="filter-admin1"
              type="text"
              name="admin1"
              list="admin1-options"
              defaultValue={values.admin1}
              autoComplete="off"
              aria-describedby="filter-admin1-hint"
            />
            <datalist id="admin1-options">
              {facets.admin1.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </Field>
          <Field label="Actor" htmlFor="filter-actor" hint="Part of a name, any role">
            <input
              id="filter-actor"
              type="text"
              name="actor"
              list="actor-options"
              defaultValue={values.actor}
              autoComplete="off"
              aria-describedby="filter-actor-hint"
            />
            <datalist id="actor-options">
              {facets.actors.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </Field>
        </div>
        <div className="choice-grid">
          <Choices name="flag" legend="Flags" options={FLAGS.map((f) => ({ value: f, label: FLAG_LABELS[f] }))} checked={values.flag} />
          <Choices
            name="country"
            legend="Country"
            options={facets.countries.map((c) => ({ value: c, label: countryName(c) })).sort((a, b) => a.label.localeCompare(b.label))}
            checked={values.country}
          />
          <Choices
            name="eventType"
            legend="Event type"
            options={facets.eventTypes.map((e) => ({ value: e, label: e }))}
            checked={values.eventType}
          />
          <Choices
            name="claimant"
            legend="Claimant"
            options={facets.sources.map((s) => ({ value: s.slug, label: s.name }))}
            checked={values.claimant}
          />
          <Choices
            name="claimantKind"
            legend="Claimant kind"
            options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] }))}
            checked={values.claimantKind}
          />
          <Choices name="grading" legend="Grading" options={GRADINGS.map((g) => ({ value: g, label: g }))} checked={values.grading} />
        </div>
        <div className="form-actions">
          <button type="submit">Apply filters</button>
          <Link href="/">Clear all</Link>
        </div>
      </form>
    </details>
  );
}
