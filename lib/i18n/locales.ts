// The interface's languages and how a request picks one (docs/architecture.md, "Languages"):
// `?lang=` in the URL (shareable links), else the switcher's cookie, else Accept-Language, else English.
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Set by the switcher (a `?lang=` link); a year, like any preference. */
export const LOCALE_COOKIE = "triangulate-lang";
/** The locale proxy.ts decided, forwarded to the page render (lib/i18n/request.ts). */
export const LOCALE_HEADER = "x-triangulate-locale";
export const LOCALE_QUERY = "lang";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best of our locales for an Accept-Language header ("fr-CA,fr;q=0.9,en;q=0.5" → fr). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { "accept-language": header } }).languages();
  try {
    const best = match(requested, [...LOCALES], DEFAULT_LOCALE);
    return isLocale(best) ? best : DEFAULT_LOCALE;
  } catch {
    // A malformed tag in the header (RangeError from Intl): the default, never an error page.
    return DEFAULT_LOCALE;
  }
}

export function resolveLocale(input: { query?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.query)) return input.query;
  if (isLocale(input.cookie)) return input.cookie;
  return localeFromAcceptLanguage(input.acceptLanguage);
}
