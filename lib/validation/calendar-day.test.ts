import { describe, expect, it } from "vitest";
import { isCalendarDay } from "./calendar-day";

describe("isCalendarDay", () => {
  it("takes the days of the calendar, leap days included", () => {
    for (const day of ["2025-02-07", "2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01", "2025-01-31", "2025-04-30"])
      expect(isCalendarDay(day), day).toBe(true);
  });

  it("refuses days that do not exist, year 0 and other shapes", () => {
    for (const day of [
      "2025-02-29",
      "1900-02-29",
      "2025-04-31",
      "2025-13-01",
      "2025-00-10",
      "2025-01-00",
      "0000-01-01",
      "2025-2-7",
      "2025-02-07T00:00",
      " 2025-02-07",
      "",
    ]) {
      expect(isCalendarDay(day), day).toBe(false);
    }
  });

  it("agrees with the calendar on a day of every week from 1890 to 2109, and on the day after each month's last", () => {
    for (let t = Date.UTC(1890, 0, 1); t < Date.UTC(2110, 0, 1); t += 86_400_000 * 7) {
      const day = new Date(t).toISOString().slice(0, 10);
      expect(isCalendarDay(day)).toBe(true);
      // The day after the last of a month written as the month's next day number.
      const [y, m] = day.split("-");
      const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
      expect(isCalendarDay(`${y}-${m}-${String(last + 1).padStart(2, "0")}`)).toBe(false);
    }
  });
});
