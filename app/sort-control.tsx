"use client";
// Order of the incident list. A GET form, so it also works without JavaScript; with it, the
// order changes as soon as it is picked. A new order starts again from the first page.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { withParams } from "@/lib/filters/filter-url";

const SORTS = ["newest", "oldest", "most_killed", "fewest_killed"] as const;

export function SortControl({ sort, hidden }: { sort: (typeof SORTS)[number]; hidden: [string, string][] }) {
  const t = useTranslations("home.sort");
  const router = useRouter();
  const [, startTransition] = useTransition();
  return (
    <form method="get" action="/" className="sort-control">
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="list-sort">{t("label")}</label>
      <select
        id="list-sort"
        name="sort"
        defaultValue={sort}
        onChange={(event) => {
          const search = withParams(window.location.search, {
            sort: event.target.value === "newest" ? null : event.target.value,
            cursor: null,
          });
          startTransition(() => router.push(`/${search ? `?${search}` : ""}`, { scroll: false }));
        }}
      >
        {SORTS.map((value) => (
          <option key={value} value={value}>
            {t(value)}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">{t("submit")}</button>
      </noscript>
    </form>
  );
}
