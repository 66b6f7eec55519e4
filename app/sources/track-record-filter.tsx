// The filter of the track-record pages as a plain GET form (works before hydration): country,
// dates and event type of the incidents compared, plus whatever hidden fields the page keeps
// (the source pair of the compare page, the metric × category of a source page).
import { getTranslations } from "next-intl/server";
import { countryName } from "@/lib/format/localized-places";
import { serverI18n } from "@/lib/i18n/server-i18n";
import type { IncidentFilter } from "@/lib/validation/incident-filter";

type Props = {
  action: string;
  filter: IncidentFilter;
  countries: string[];
  eventTypes: string[];
  hidden?: Record<string, string | undefined>;
  clearHref: string;
};

export async function TrackRecordFilter({ action, filter, countries, eventTypes, hidden = {}, clearHref }: Props) {
  const [i18n, t] = await Promise.all([serverI18n(), getTranslations("trackRecord.filter")]);
  return (
    <form method="get" action={action} className="track-filter">
      <fieldset>
        <legend>{t("legend")}</legend>
        {Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
        <label>
          {t("country")}{" "}
          <select name="country" defaultValue={filter.country?.[0] ?? ""}>
            <option value="">{t("anyCountry")}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {t("countryOption", { name: countryName(i18n, c), code: c })}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("from")} <input type="date" name="from" defaultValue={filter.from ?? ""} />
        </label>{" "}
        <label>
          {t("to")} <input type="date" name="to" defaultValue={filter.to ?? ""} />
        </label>{" "}
        <label>
          {t("eventType")}{" "}
          <select name="eventType" defaultValue={filter.eventType?.[0] ?? ""}>
            <option value="">{t("anyType")}</option>
            {eventTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit">{t("apply")}</button> <a href={clearHref}>{t("clear")}</a>
      </fieldset>
    </form>
  );
}
