// The I18n of the page being rendered, for client components (and server components that are not async).
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { I18n, Translator } from "./i18n";
import { isLocale, DEFAULT_LOCALE } from "./locales";

export function useI18n(): I18n {
  const locale = useLocale();
  const t = useTranslations();
  // One object per locale and translator: components list it as a memo or effect dependency (the
  // timeline's rows), and a new object every render would rebuild the chart's data mid-drag.
  return useMemo(() => ({ t: t as unknown as Translator, locale: isLocale(locale) ? locale : DEFAULT_LOCALE }), [t, locale]);
}
