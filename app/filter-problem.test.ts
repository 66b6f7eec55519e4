import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { testI18n } from "@/lib/i18n/test-i18n";
import { filterProblemText } from "./filter-problem";

const en = testI18n("en");
const fr = testI18n("fr");
const countryError = new AppError(400, "Invalid input — country: country must be ISO 3166-1 alpha-3 codes, e.g. MLI", "invalid", {
  country: ["country must be ISO 3166-1 alpha-3 codes, e.g. MLI"],
});

describe("the home page's word on a link's bad filter", () => {
  it("is the API's message in English", () => {
    expect(filterProblemText(en, countryError)).toBe("Invalid input — country: country must be ISO 3166-1 alpha-3 codes, e.g. MLI");
    expect(filterProblemText(en, null)).toBeNull();
  });

  it("is said per field in French", () => {
    expect(filterProblemText(fr, countryError)).toBe(
      "Saisie invalide — country : country doit contenir des codes ISO 3166-1 alpha-3, par exemple MLI",
    );
    const two = new AppError(400, "x", "invalid", { minKilled: ["m"], cursor: ["c"] });
    expect(filterProblemText(fr, two)).toBe(
      "Saisie invalide — minKilled : minKilled doit être un nombre entier, zéro ou plus | cursor : ce curseur ne correspond pas à cette liste ni à cet ordre",
    );
    expect(filterProblemText(fr, new AppError(400, "x", "invalid", { odd: ["?"] }))).toBe("Saisie invalide — odd : n’a pas pu être lu");
    expect(filterProblemText(fr, new AppError(400, "x", "invalid"))).toBe("Le filtre de ce lien n’a pas pu être lu.");
  });
});
