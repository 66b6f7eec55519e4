// Dates as people read them ("8 Feb 2025", "8–9 Feb 2025"). Written by hand rather than with
// Intl so the server and the browser render exactly the same text (no hydration mismatch, no
// dependence on the machine's locale). Inputs are YYYY-MM-DD calendar days.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function parts(iso: string): { year: string; month: string; day: number } {
  const [year, month, day] = iso.split("-");
  return { year: year!, month: MONTHS[Number(month) - 1] ?? month!, day: Number(day) };
}

export function formatDay(iso: string): string {
  const { year, month, day } = parts(iso);
  return `${day} ${month} ${year}`;
}

/** A day or a span of days, sharing what the two ends share: "8–9 Feb 2025", "30 Jan – 2 Feb 2025". */
export function formatDayRange(start: string | null, end: string | null = null, unknown = "date unknown"): string {
  if (!start) return unknown;
  if (!end || end === start) return formatDay(start);
  const a = parts(start);
  const b = parts(end);
  if (a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${b.month} ${b.year}`;
  if (a.year === b.year) return `${a.day} ${a.month} – ${b.day} ${b.month} ${b.year}`;
  return `${formatDay(start)} – ${formatDay(end)}`;
}

/** "Feb 2025" for a month bucket, "3 Feb 2025" (the Monday) for a week bucket. */
export function formatBucket(start: string, interval: "week" | "month"): string {
  const { year, month, day } = parts(start);
  return interval === "month" ? `${month} ${year}` : `${day} ${month} ${year}`;
}

/** A timestamp in UTC, to the minute: "22 Nov 2026, 00:17 UTC". */
export function formatTimestamp(date: Date | string): string {
  const d = typeof date === "string" ? new Date(date) : date;
  const iso = d.toISOString();
  return `${formatDay(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}
