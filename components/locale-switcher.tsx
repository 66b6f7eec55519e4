"use client";
// The language switcher: one plain link per language to this same page with `?lang=`, so it works
// before hydration and the URL can be shared; proxy.ts remembers the choice in a cookie.
import { useLocale, useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { LOCALES, LOCALE_QUERY } from "@/lib/i18n/locales";

/** A language's name in that language ("français"), capitalised as a menu item. */
function ownName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

export function LocaleSwitcher() {
  const current = useLocale();
  const t = useTranslations("common");
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return (
    <ul className="locale-switcher" aria-label={t("language")}>
      {LOCALES.map((locale) => {
        const params = new URLSearchParams(searchParams.toString());
        params.set(LOCALE_QUERY, locale);
        return (
          <li key={locale}>
            <a
              href={`${pathname}?${params.toString()}`}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
            >
              {ownName(locale)}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
