// Calendar days as people read them in the interface's language ("8 Feb 2025", « 8 févr. 2025 »),
// through Intl in UTC: incidents are dated by UTC calendar day, never by the reader's clock.
// English reads day-month-year (en-GB), as the sources of this field write dates.
import type { I18n } from "@/lib/i18n/i18n";
import type { Locale } from "@/lib/i18n/locales";
import { dateTimeFormat } from "./intl-formats";

const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };
const DAY: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };

// Intl puts thin spaces around a range's dash; plain spaces read the same and copy predictably.
const plain = (text: string) => text.replace(/[\u2009\u202f]/g, " ");
const dayDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

export function formatDay(i18n: I18n, iso: string): string {
  return plain(dateTimeFormat(INTL_LOCALE[i18n.locale], DAY).format(dayDate(iso)));
}

/** A day or a span of days, sharing what the two ends share: "8–9 Feb 2025", "30 Jan – 2 Feb 2025". */
export function formatDayRange(i18n: I18n, start: string | null, end: string | null = null, unknown?: string): string {
  if (!start) return unknown ?? i18n.t("dates.unknown");
  if (!end || end === start) return formatDay(i18n, start);
  const text = plain(dateTimeFormat(INTL_LOCALE[i18n.locale], DAY).formatRange(dayDate(start), dayDate(end)));
  // Days of one month read as one figure, "8–9 Feb 2025", as the sources write them.
  return start.slice(0, 7) === end.slice(0, 7) ? text.replace(/(\d) – (\d)/, "$1–$2") : text;
}

/** "Feb 2025" for a month bucket, "3 Feb 2025" (the Monday) for a week bucket. */
export function formatBucket(i18n: I18n, start: string, interval: "week" | "month"): string {
  if (interval === "week") return formatDay(i18n, start);
  return plain(dateTimeFormat(INTL_LOCALE[i18n.locale], { month: "short", year: "numeric", timeZone: "UTC" }).format(dayDate(start)));
}

/** A moment in UTC, to the minute: "22 Nov 2026, 00:17 UTC". */
export function formatTimestamp(i18n: I18n, date: Date | string): string {
  const moment = typeof date === "string" ? new Date(date) : date;
  return plain(
    dateTimeFormat(INTL_LOCALE[i18n.locale], { ...DAY, hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(moment),
  );
}
