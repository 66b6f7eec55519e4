// What an ACLED or UCDP GED row means to Triangulate: an incident and the dataset's one claim about it.
import type { ActorRole, DatePrecision, Qualifier } from "@/lib/domain/vocabularies";

export type DatasetEvent = {
  /** ACLED event_id_cnty or GED id. */
  externalId: string;
  dateStart: string;
  dateEnd: string;
  datePrecision: DatePrecision;
  countryIso3: string;
  admin1: string | null;
  admin2: string | null;
  placeName: string;
  latitude: number;
  longitude: number;
  locationPrecision: number;
  eventType: string;
  subEventType: string | null;
  title: string;
  summary: string;
  actors: { name: string; role: ActorRole }[];
  /** killed · unspecified, as the dataset states it. */
  claim: { valueMin: number; valueMax: number | null; qualifier: Qualifier; statement: string; statedOn: string | null };
};
