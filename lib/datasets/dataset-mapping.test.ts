import { describe, expect, it } from "vitest";
import { DATE_PRECISIONS } from "@/lib/domain/vocabularies";
import { gwCountryId } from "./gleditsch-ward";
import {
  gedSides,
  gedTypeOfViolence,
  acledGeoPrecision,
  acledTimePrecision,
  countryName,
  datePrecisionFromGed,
  gedDatePrec,
  iso3FromCountryName,
  iso3FromNumeric,
  numericFromIso3,
  wherePrecFromAcled,
} from "./dataset-mapping";

describe("dataset mapping", () => {
  it("date precision survives a trip through GED's date_prec", () => {
    for (const p of DATE_PRECISIONS) expect(datePrecisionFromGed(gedDatePrec(p))).toBe(p);
    expect(datePrecisionFromGed(9)).toBeNull();
    expect(acledTimePrecision("day")).toBe(1);
    expect(acledTimePrecision("range")).toBe(2);
    expect(acledTimePrecision("year")).toBe(3);
  });

  it("maps ACLED geo_precision to where_prec and back to the same ACLED code", () => {
    for (const code of [1, 2, 3]) expect(acledGeoPrecision(wherePrecFromAcled(code)!)).toBe(code);
    expect(acledGeoPrecision(5)).toBe(3);
  });

  it("reads country names as UCDP and ACLED write them", () => {
    expect(iso3FromCountryName("Mali")).toBe("MLI");
    expect(iso3FromCountryName("DR Congo (Zaire)")).toBe("COD");
    expect(iso3FromCountryName("Russia (Soviet Union)")).toBe("RUS");
    expect(iso3FromCountryName("Bosnia-Herzegovina")).toBe("BIH");
    expect(iso3FromCountryName("Myanmar (Burma)")).toBe("MMR");
    expect(iso3FromCountryName("Syria")).toBe("SYR");
    expect(iso3FromCountryName("Ivory Coast")).toBe("CIV");
    expect(iso3FromCountryName("Atlantis")).toBeNull();
  });

  it("converts ISO numeric codes (ACLED's iso column) both ways", () => {
    expect(iso3FromNumeric(466)).toBe("MLI");
    expect(iso3FromNumeric("854")).toBe("BFA");
    expect(numericFromIso3("MLI")).toBe(466);
    expect(countryName("MLI")).toBe("Mali");
  });
});

describe("GED typology and sides from recorded actors", () => {
  const actors = { perpetrators: ["JNIM"], targets: [], escorts: ["Malian armed forces"] };
  it("codes one-sided, state-based and non-state violence", () => {
    expect(gedTypeOfViolence("Violence against civilians", actors, false)).toBe(3);
    expect(gedTypeOfViolence("Battles", actors, false)).toBe(1);
    expect(gedTypeOfViolence("Battles", { perpetrators: ["A"], targets: ["B"], escorts: [] }, true)).toBe(1);
    expect(gedTypeOfViolence("Battles", { perpetrators: ["A"], targets: ["B"], escorts: [] }, false)).toBe(2);
    expect(gedTypeOfViolence("Protests", actors, false)).toBeNull();
  });
  it("puts the state's side first in state-based events and civilians second in one-sided ones", () => {
    expect(gedSides(3, actors)).toEqual([["JNIM"], ["Civilians"]]);
    expect(gedSides(1, actors)).toEqual([["Malian armed forces"], ["JNIM"]]);
  });
  it("writes Gleditsch–Ward numbers as GED does (Mali 432, Germany 260 not COW's 255)", () => {
    expect(gwCountryId("MLI")).toBe(432);
    expect(gwCountryId("DEU")).toBe(260);
    expect(gwCountryId("BFA")).toBe(439);
    expect(gwCountryId("PSE")).toBeNull();
  });
});
