// The Kobé convoy attack (Mali, 7 February 2025), from the two texts in shared/seeds/: the
// Wikipedia article "Kobé attack" and a Mirage News republication of Human Rights Watch.
// Nothing here goes beyond what those texts state; where they are silent the field stays empty.
// Statements are quoted verbatim from the text the claim was read in.
import type { SourceKind } from "@/lib/domain/vocabularies";
import type { ClaimValues } from "@/lib/domain/claim-values";

export type SeedSource = {
  slug: string;
  name: string;
  kind: SourceKind;
  countryIso3: string | null;
  isParty: boolean;
  url: string | null;
  notes: string;
};
export type SeedDocument = {
  key: string;
  source: string;
  title: string;
  url: string | null;
  publishedOn: string | null;
  language: string;
  relays: string[];
};
export type SeedClaim = ClaimValues & {
  claimant: string;
  document: string;
  statement: string;
  statedOn: string | null;
  statedOnEnd: string | null;
};

export const KOBE_SOURCES: SeedSource[] = [
  { slug: "hrw", name: "Human Rights Watch", kind: "ngo", countryIso3: null, isParty: false, url: null, notes: "" },
  {
    slug: "mali-government",
    name: "Malian government",
    kind: "government",
    countryIso3: "MLI",
    isParty: true,
    url: null,
    notes: "A party to the conflict: Malian armed forces escorted the convoy.",
  },
  { slug: "afp", name: "AFP", kind: "wire_agency", countryIso3: null, isParty: false, url: null, notes: "" },
  { slug: "rfi", name: "RFI", kind: "international_media", countryIso3: null, isParty: false, url: null, notes: "" },
  {
    slug: "wikipedia",
    name: "Wikipedia",
    kind: "encyclopedia",
    countryIso3: null,
    isParty: false,
    url: null,
    notes: "Cites Human Rights Watch, AFP and RFI.",
  },
  {
    slug: "mirage-news",
    name: "Mirage News",
    kind: "encyclopedia",
    countryIso3: null,
    isParty: false,
    url: "https://www.miragenews.com",
    notes: "News aggregator; its text republishes Human Rights Watch's findings.",
  },
];

export const KOBE_DOCUMENTS: SeedDocument[] = [
  {
    key: "wikipedia",
    source: "wikipedia",
    title: "Kobé attack",
    url: "https://en.wikipedia.org/wiki/Kob%C3%A9_attack",
    publishedOn: null,
    language: "en",
    relays: ["hrw", "afp", "rfi", "mali-government"],
  },
  {
    key: "mirage",
    source: "mirage-news",
    title: "Mirage News republication of Human Rights Watch on the 7 February 2025 convoy attack (untitled in the seed text)",
    url: "https://www.miragenews.com",
    publishedOn: null,
    language: "en",
    relays: ["hrw"],
  },
];

const GOVERNMENT_STATEMENT =
  "The Malian government released a statement on February 8 stating only three vehicles were hit, causing the death of 25 civilians and injury of 13 others.";
const WIRE_REPORTS = "On February 8 and 9, AFP and RFI reported that at least 30 people were killed in the attack.";
const HRW_KILLED = "Human Rights Watch reported that 34 civilians, including 13 Malians and 21 foreigners, were killed in the attack.";
const HRW_INJURED = "34 others were injured per HRW, including 20 Malians and 14 foreigners, mostly from Niger.";
const MIRAGE_TOLL =
  "On February 7, 2025, an alleged Islamist armed group attacked a civilian convoy in northeastern Mali, killing 34 civilians and injuring the same number, as reported by Human Rights Watch.";
const MIRAGE_BREAKDOWN = "Among the deceased were 13 Malian nationals and 21 foreigners, with many injured individuals hailing from Niger.";

function claim(partial: Omit<SeedClaim, "subgroup" | "valueMax" | "statedOn" | "statedOnEnd"> & Partial<SeedClaim>): SeedClaim {
  return {
    subgroup: null,
    valueMax: partial.qualifier === "exact" ? partial.valueMin : null,
    statedOn: null,
    statedOnEnd: null,
    ...partial,
  };
}

export const KOBE_CLAIMS: SeedClaim[] = [
  // The government's statement of 8 February.
  claim({
    claimant: "mali-government",
    document: "wikipedia",
    metric: "killed",
    category: "civilians",
    valueMin: 25,
    qualifier: "exact",
    statement: GOVERNMENT_STATEMENT,
    statedOn: "2025-02-08",
  }),
  claim({
    claimant: "mali-government",
    document: "wikipedia",
    metric: "injured",
    category: "civilians",
    valueMin: 13,
    qualifier: "exact",
    statement: GOVERNMENT_STATEMENT,
    statedOn: "2025-02-08",
  }),
  claim({
    claimant: "mali-government",
    document: "wikipedia",
    metric: "killed",
    category: "attackers",
    valueMin: 19,
    qualifier: "exact",
    statement: 'Malian officials also stated "19 terrorist bodies" were found in the aftermath of the attack.',
  }),
  // AFP and RFI, 8 and 9 February (the text does not say which reported on which day).
  claim({
    claimant: "afp",
    document: "wikipedia",
    metric: "killed",
    category: "unspecified",
    valueMin: 30,
    qualifier: "at_least",
    statement: WIRE_REPORTS,
    statedOn: "2025-02-08",
    statedOnEnd: "2025-02-09",
  }),
  claim({
    claimant: "rfi",
    document: "wikipedia",
    metric: "killed",
    category: "unspecified",
    valueMin: 30,
    qualifier: "at_least",
    statement: WIRE_REPORTS,
    statedOn: "2025-02-08",
    statedOnEnd: "2025-02-09",
  }),
  claim({
    claimant: "rfi",
    document: "wikipedia",
    metric: "killed_or_injured",
    category: "security_forces",
    valueMin: 20,
    qualifier: "at_least",
    statement: "On February 24, RFI reported that at least 20 Malian soldiers had been killed or injured in the attack.",
    statedOn: "2025-02-24",
  }),
  // Human Rights Watch, as reported by Wikipedia (date of HRW's report not given).
  claim({
    claimant: "hrw",
    document: "wikipedia",
    metric: "killed",
    category: "civilians",
    valueMin: 34,
    qualifier: "exact",
    statement: HRW_KILLED,
  }),
  claim({
    claimant: "hrw",
    document: "wikipedia",
    metric: "killed",
    category: "civilians",
    subgroup: "Malian",
    valueMin: 13,
    qualifier: "exact",
    statement: HRW_KILLED,
  }),
  claim({
    claimant: "hrw",
    document: "wikipedia",
    metric: "killed",
    category: "civilians",
    subgroup: "foreign",
    valueMin: 21,
    qualifier: "exact",
    statement: HRW_KILLED,
  }),
  claim({
    claimant: "hrw",
    document: "wikipedia",
    metric: "injured",
    category: "civilians",
    valueMin: 34,
    qualifier: "exact",
    statement: HRW_INJURED,
  }),
  claim({
    claimant: "hrw",
    document: "wikipedia",
    metric: "injured",
    category: "civilians",
    subgroup: "Malian",
    valueMin: 20,
    qualifier: "exact",
    statement: HRW_INJURED,
  }),
  claim({
    claimant: "hrw",
    document: "wikipedia",
    metric: "injured",
    category: "civilians",
    subgroup: "foreign",
    valueMin: 14,
    qualifier: "exact",
    statement: HRW_INJURED,
  }),
  // The same HRW figures as republished by Mirage News: repeated reports, counted once.
  claim({
    claimant: "hrw",
    document: "mirage",
    metric: "killed",
    category: "civilians",
    valueMin: 34,
    qualifier: "exact",
    statement: MIRAGE_TOLL,
  }),
  claim({
    claimant: "hrw",
    document: "mirage",
    metric: "injured",
    category: "civilians",
    valueMin: 34,
    qualifier: "exact",
    statement: MIRAGE_TOLL,
  }),
  claim({
    claimant: "hrw",
    document: "mirage",
    metric: "killed",
    category: "civilians",
    subgroup: "Malian",
    valueMin: 13,
    qualifier: "exact",
    statement: MIRAGE_BREAKDOWN,
  }),
  claim({
    claimant: "hrw",
    document: "mirage",
    metric: "killed",
    category: "civilians",
    subgroup: "foreign",
    valueMin: 21,
    qualifier: "exact",
    statement: MIRAGE_BREAKDOWN,
  }),
];

// Gao (16.27 N, 0.04 W) and Ansongo (15.66 N, 0.50 E): the texts place the attack on the road
// between them, near Kobé, without coordinates; we put it midway and mark the precision as a
// linear feature (UCDP where_prec 5).
export const KOBE_INCIDENT = {
  code: "MLI-2025-0001",
  title: "Attack on a civilian convoy near Kobé",
  summary:
    "On 7 February 2025 an alleged Islamist armed group (Wikipedia: jihadists suspected to be from the Islamic State – Sahel Province, ISGS) attacked a civilian convoy " +
    "travelling from Gao to Ansongo near the village of Kobé. The convoy, carrying miners and traders, was escorted by Malian armed forces " +
    "and allied forces. No group claimed responsibility. The texts place the attack between Gao and Ansongo without coordinates; the map " +
    "point is midway along that road.",
  dateStart: "2025-02-07",
  dateEnd: "2025-02-07",
  datePrecision: "day",
  placeName: "Kobé (between Gao and Ansongo)",
  admin1: "Gao",
  admin2: null,
  countryIso3: "MLI",
  latitude: 15.965,
  longitude: 0.23,
  locationPrecision: 5,
  eventType: "Violence against civilians",
  subEventType: "Attack",
  grading: "fair",
  actors: [
    { name: "Islamic State – Sahel Province (ISGS)", role: "alleged_perpetrator" },
    { name: "Civilians (convoy of miners and traders)", role: "target" },
    { name: "Malian armed forces", role: "escort" },
    { name: "Wagner Group", role: "escort" },
  ],
} as const;
