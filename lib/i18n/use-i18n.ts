// The I18n of the page being rendered, for client components (and server components that are not async).
import { useLocale, useTranslations } from "next-intl";
import type { I18n, Translator } from "./i18n";
import { isLocale, DEFAULT_LOCALE } from "./locales";

export function useI18n(): I18n {
  const locale = useLocale();
  const t = useTranslations();
  return { t: t as unknown as Translator, locale: isLocale(locale) ? locale : DEFAULT_LOCALE };
}
