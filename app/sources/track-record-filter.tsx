// The filter of the track-record pages as a plain GET form (works before hydration): country,
// dates and event type of the incidents compared, plus whatever hidden fields the page keeps
// (the source pair of the compare page, the metric × category of a source page).
import { countryName } from "@/lib/format/country-name";
import type { IncidentFilter } from "@/lib/validation/incident-filter";

const TEXT = {
  legend: "Only incidents",
  country: "Country",
  anyCountry: "any country",
  from: "From",
  to: "To",
  eventType: "Event type",
  anyType: "any event type",
  apply: "Apply",
  clear: "Clear the filter",
};

type Props = {
  action: string;
  filter: IncidentFilter;
  countries: string[];
  eventTypes: string[];
  hidden?: Record<string, string | undefined>;
  clearHref: string;
};

export function TrackRecordFilter({ action, filter, countries, eventTypes, hidden = {}, clearHref }: Props) {
  return (
    <form method="get" action={action} className="track-filter">
      <fieldset>
        <legend>{TEXT.legend}</legend>
        {Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
        <label>
          {TEXT.country}{" "}
          <select name="country" defaultValue={filter.country?.[0] ?? ""}>
            <option value="">{TEXT.anyCountry}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {countryName(c)} ({c})
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {TEXT.from} <input type="date" name="from" defaultValue={filter.from ?? ""} />
        </label>{" "}
        <label>
          {TEXT.to} <input type="date" name="to" defaultValue={filter.to ?? ""} />
        </label>{" "}
        <label>
          {TEXT.eventType}{" "}
          <select name="eventType" defaultValue={filter.eventType?.[0] ?? ""}>
            <option value="">{TEXT.anyType}</option>
            {eventTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit">{TEXT.apply}</button> <a href={clearHref}>{TEXT.clear}</a>
      </fieldset>
    </form>
  );
}
