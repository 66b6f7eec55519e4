import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { FLAGS, GRADINGS, SOURCE_KINDS } from "@/lib/domain/vocabularies";
import { filterToSearchParams, parseIncidentFilter, parseIncidentListQuery, type IncidentFilter } from "./incident-filter";
import { parseMapQuery } from "./map-query";
import { parseTimelineQuery } from "./timeline-query";

const parse = (query: string) => parseIncidentFilter(new URLSearchParams(query));

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ZodError) return [...new Set(error.issues.map((i) => String(i.path[0])))];
    throw error;
  }
  return [];
}

describe("the incident filter", () => {
  it("reads every filter parameter", () => {
    expect(
      parse(
        "from=2025-02-01&to=2025-02-28&country=mli,bfa&admin1=Gao&eventType=Battles&actor=ISGS&claimant=hrw,afp&claimantKind=ngo&grading=fair&flag=contested&minKilled=10&bbox=-5,10,5,20",
      ),
    ).toEqual({
      from: "2025-02-01",
      to: "2025-02-28",
      country: ["MLI", "BFA"],
      admin1: ["Gao"],
      eventType: ["Battles"],
      actor: "ISGS",
      claimant: ["hrw", "afp"],
      claimantKind: ["ngo"],
      grading: ["fair"],
      flag: ["contested"],
      minKilled: 10,
      bbox: { minLon: -5, minLat: 10, maxLon: 5, maxLat: 20 },
    });
  });

  it("reads what an HTML form sends: repeated checkboxes, empty fields", () => {
    expect(parse("country=MLI&country=NER&admin1=&actor=&flag=contested&minKilled=")).toEqual({
      country: ["MLI", "NER"],
      flag: ["contested"],
    });
  });

  it("takes a shared link's interface language without reading it as a filter", () => {
    expect(parse("lang=fr&country=MLI")).toEqual({ country: ["MLI"] });
    expect(parseIncidentListQuery(new URLSearchParams("lang=en&limit=5")).limit).toBe(5);
  });

  it("names the parameter that is wrong", () => {
    expect(fieldsOf(() => parse("claimantKind=blogger"))).toEqual(["claimantKind"]);
    expect(fieldsOf(() => parse("claimant=Human Rights Watch"))).toEqual(["claimant"]);
    expect(fieldsOf(() => parse("minKilled=-1"))).toEqual(["minKilled"]);
    expect(fieldsOf(() => parse("minKilled=many"))).toEqual(["minKilled"]);
    expect(fieldsOf(() => parse("actor=x"))).toEqual(["actor"]);
    expect(fieldsOf(() => parse("from=2025-03-01&to=2025-02-01"))).toEqual(["from"]);
    expect(fieldsOf(() => parse("contested=1"))).toEqual(["contested"]);
  });

  it("writes a filter back to the same filter (any combination)", () => {
    const filterArb = fc.record(
      {
        from: fc.constantFrom("2024-01-01", "2025-02-07"),
        to: fc.constantFrom("2025-02-07", "2025-12-31"),
        country: fc.uniqueArray(fc.constantFrom("MLI", "BFA", "NER"), { minLength: 1 }),
        admin1: fc.uniqueArray(fc.constantFrom("Gao", "Tillabéri", "Sahel"), { minLength: 1 }),
        eventType: fc.uniqueArray(fc.constantFrom("Battles", "Violence against civilians"), { minLength: 1 }),
        actor: fc.constantFrom("ISGS", "Wagner Group"),
        claimant: fc.uniqueArray(fc.constantFrom("hrw", "mali-government"), { minLength: 1 }),
        claimantKind: fc.uniqueArray(fc.constantFrom(...SOURCE_KINDS), { minLength: 1 }),
        grading: fc.uniqueArray(fc.constantFrom(...GRADINGS), { minLength: 1 }),
        flag: fc.uniqueArray(fc.constantFrom(...FLAGS), { minLength: 1 }),
        minKilled: fc.nat({ max: 1000 }),
        bbox: fc.constant({ minLon: -5.5, minLat: 10, maxLon: 5, maxLat: 20.25 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filterArb, (filter) => {
        expect(parse(filterToSearchParams(filter as IncidentFilter).toString())).toEqual(filter);
      }),
    );
  });
});

describe("the list, map and timeline queries", () => {
  it("default to the newest 100 and accept the four orders", () => {
    expect(parseIncidentListQuery(new URLSearchParams(""))).toMatchObject({ sort: "newest", limit: 100 });
    expect(parseIncidentListQuery(new URLSearchParams("sort=most_killed&limit=5"))).toMatchObject({ sort: "most_killed", limit: 5 });
    expect(fieldsOf(() => parseIncidentListQuery(new URLSearchParams("sort=deadliest")))).toEqual(["sort"]);
  });

  it("require a viewport and a zoom for the map", () => {
    expect(parseMapQuery(new URLSearchParams("bbox=-180,-85,180,85&zoom=2&flag=contested"))).toMatchObject({
      zoom: 2,
      flag: ["contested"],
      bbox: { minLon: -180 },
    });
    expect(fieldsOf(() => parseMapQuery(new URLSearchParams("zoom=2")))).toEqual(["bbox"]);
    expect(fieldsOf(() => parseMapQuery(new URLSearchParams("bbox=-180,-85,180,85")))).toEqual(["zoom"]);
    expect(fieldsOf(() => parseMapQuery(new URLSearchParams("bbox=-180,-85,180,85&zoom=30")))).toEqual(["zoom"]);
    expect(fieldsOf(() => parseMapQuery(new URLSearchParams("bbox=-180,-85,180,85&zoom=2&limit=3")))).toEqual(["limit"]);
  });

  it("take an interval for the timeline", () => {
    expect(parseTimelineQuery(new URLSearchParams(""))).toMatchObject({ interval: "auto" });
    expect(parseTimelineQuery(new URLSearchParams("interval=week&country=MLI"))).toMatchObject({ interval: "week", country: ["MLI"] });
    expect(fieldsOf(() => parseTimelineQuery(new URLSearchParams("interval=day")))).toEqual(["interval"]);
  });
});
