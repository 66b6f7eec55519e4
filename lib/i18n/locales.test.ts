import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "./locales";

describe("choosing the interface's language", () => {
  it("reads Accept-Language by preference, regional variants included", () => {
    expect(localeFromAcceptLanguage("fr-CA,fr;q=0.9,en;q=0.5")).toBe("fr");
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7")).toBe("fr");
    expect(localeFromAcceptLanguage("en-GB,fr;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("de")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("%%%;q=x,,")).toBe("en");
  });

  it("prefers the URL's ?lang=, then the cookie, then the browser", () => {
    expect(resolveLocale({ query: "fr", cookie: "en", acceptLanguage: "en" })).toBe("fr");
    expect(resolveLocale({ query: "xx", cookie: "fr", acceptLanguage: "en" })).toBe("fr");
    expect(resolveLocale({ cookie: "klingon", acceptLanguage: "fr-BE" })).toBe("fr");
    expect(resolveLocale({})).toBe("en");
  });
});
