"use client";
// Order of the incident list. A GET form, so it also works without JavaScript; with it, the
// order changes as soon as it is picked. A new order starts again from the first page.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { withParams } from "@/lib/filters/filter-url";

const LABELS = {
  newest: "Newest first",
  oldest: "Oldest first",
  most_killed: "Most killed first",
  fewest_killed: "Fewest killed first",
} as const;

export function SortControl({ sort, hidden }: { sort: keyof typeof LABELS; hidden: [string, string][] }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  return (
    <form method="get" action="/" className="sort-control">
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="list-sort">Sort</label>
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
        {Object.entries(LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">Sort</button>
      </noscript>
    </form>
  );
}
