// next-intl's per-request configuration (wired in next.config.ts): the locale proxy.ts decided (or,
// where the proxy does not run, the cookie and Accept-Language), that locale's catalogue, and UTC —
// incidents are dated by UTC calendar day (docs/architecture.md, "Calendar days, not instants").
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, LOCALE_HEADER, isLocale, resolveLocale } from "./locales";
import { loadMessages } from "./messages";
import { missingMessageMarker } from "./missing-message";

export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  const forwarded = requestHeaders.get(LOCALE_HEADER);
  const locale = isLocale(forwarded)
    ? forwarded
    : resolveLocale({ cookie: (await cookies()).get(LOCALE_COOKIE)?.value, acceptLanguage: requestHeaders.get("accept-language") });
  return {
    locale,
    messages: loadMessages(locale),
    timeZone: "UTC",
    // A key missing from a catalogue shows marked (tests look for the mark), never as a crash.
    getMessageFallback: ({ namespace, key }) => missingMessageMarker(namespace ? `${namespace}.${key}` : key),
    onError: (error) => console.error(`[i18n] ${error.message}`),
  };
});
