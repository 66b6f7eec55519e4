// The request's I18n for server components, route handlers and server actions.
import { getLocale, getTranslations } from "next-intl/server";
import type { I18n, Translator } from "./i18n";
import { isLocale, DEFAULT_LOCALE } from "./locales";

export async function serverI18n(): Promise<I18n> {
  const locale = await getLocale();
  const t = await getTranslations();
  return { t: t as unknown as Translator, locale: isLocale(locale) ? locale : DEFAULT_LOCALE };
}
