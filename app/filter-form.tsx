"use client";
// The filter, as a plain GET form: it works without JavaScript (the browser writes the URL), and
// with it the page updates in place, keeping the map where it is. The URL is the filter.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition, type ReactNode } from "react";
import { FLAGS, GRADINGS, SOURCE_KINDS } from "@/lib/domain/vocabularies";
import { formQuery } from "@/lib/filters/filter-url";
import { countryName } from "@/lib/format/localized-places";
import { useI18n } from "@/lib/i18n/use-i18n";
import type { FilterFacets } from "@/lib/incidents/analyst-queries";

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
  const t = useTranslations("home.filters");
  const i18n = useI18n();
  return (
    <details className="filters">
      <summary>
        {activeCount ? t("summaryActive", { count: activeCount }) : t("summary")}
        {pending ? <span className="meta"> {t("updating")}</span> : null}
      </summary>
      <form
        method="get"
        action="/"
        aria-label={t("formLabel")}
        onSubmit={(event) => {
          event.preventDefault();
          const entries = [...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)] as [string, string]);
          const search = formQuery(entries, window.location.search);
          startTransition(() => router.push(`/${search ? `?${search}` : ""}`, { scroll: false }));
        }}
      >
        <div className="filter-grid">
          <Field label={t("from")} htmlFor="filter-from">
            <input id="filter-from" type="date" name="from" defaultValue={values.from} />
          </Field>
          <Field label={t("to")} htmlFor="filter-to">
            <input id="filter-to" type="date" name="to" defaultValue={values.to} />
          </Field>
          <Field label={t("minKilled")} htmlFor="filter-min-killed" hint={t("minKilledHint")}>
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
          <Field label={t("admin1")} htmlFor="filter-admin1" hint={t("admin1Hint")}>
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
          <Field label={t("actor")} htmlFor="filter-actor" hint={t("actorHint")}>
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
          <Choices
            name="flag"
            legend={t("flags")}
            options={FLAGS.map((f) => ({ value: f, label: i18n.t(`vocabulary.flag.${f}`) }))}
            checked={values.flag}
          />
          <Choices
            name="country"
            legend={t("country")}
            options={facets.countries
              .map((c) => ({ value: c, label: countryName(i18n, c) }))
              .sort((a, b) => a.label.localeCompare(b.label, i18n.locale))}
            checked={values.country}
          />
          <Choices
            name="eventType"
            legend={t("eventType")}
            options={facets.eventTypes.map((e) => ({ value: e, label: e }))}
            checked={values.eventType}
          />
          <Choices
            name="claimant"
            legend={t("claimant")}
            options={facets.sources.map((s) => ({ value: s.slug, label: s.name }))}
            checked={values.claimant}
          />
          <Choices
            name="claimantKind"
            legend={t("claimantKind")}
            options={SOURCE_KINDS.map((k) => ({ value: k, label: i18n.t(`vocabulary.sourceKind.${k}`) }))}
            checked={values.claimantKind}
          />
          <Choices
            name="grading"
            legend={t("grading")}
            options={GRADINGS.map((g) => ({ value: g, label: i18n.t(`vocabulary.grading.${g}`) }))}
            checked={values.grading}
          />
        </div>
        <div className="form-actions">
          <button type="submit">{t("apply")}</button>
          <Link href="/">{t("clear")}</Link>
        </div>
      </form>
    </details>
  );
}
