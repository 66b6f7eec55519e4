// What every formatting helper that writes words needs: the root translator (full keys such as
// "vocabulary.metric.killed") and the locale for Intl. Server: serverI18n(); client: useI18n().
import type { Locale } from "./locales";

export type MessageValues = Record<string, string | number | Date>;
export type Translator = (key: string, values?: MessageValues) => string;
export type I18n = { t: Translator; locale: Locale };
