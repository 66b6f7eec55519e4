// An I18n over the real catalogues, for unit tests of formatting helpers (no Next request needed).
import { createTranslator } from "use-intl/core";
import type { I18n, Translator } from "./i18n";
import type { Locale } from "./locales";
import { readCatalogue } from "./messages";

export function testI18n(locale: Locale): I18n {
  const t = createTranslator({
    locale,
    messages: readCatalogue(locale),
    timeZone: "UTC",
    onError: (error) => {
      throw error;
    },
  });
  return { t: t as unknown as Translator, locale };
}
