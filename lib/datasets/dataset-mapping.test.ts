import { describe, expect, it } from "vitest";
import { DATE_PRECISIONS } from "@/lib/domain/vocabularies";
import {
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
