import type { Metadata } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { LAYOUT_MESSAGE_PATHS, pickMessages } from "@/lib/i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: "Triangulate", template: "%s · Triangulate" }, description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put this request's CSP nonce on its scripts (lib/http/security-headers.ts).
  await connection();
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body>
        {/* The header's client components read this part of the catalogue; each page provides its own (lib/i18n/client-messages.ts). */}
        <NextIntlClientProvider messages={pickMessages(await getMessages(), LAYOUT_MESSAGE_PATHS)}>
          {/* The first stop of the keyboard: past the header, straight to the page (the map on the home page). */}
          <a href="#main-content" className="skip-link">
            {t("skipToContent")}
          </a>
          <SiteHeader />
          <div id="main-content" tabIndex={-1}>
            {children}
          </div>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
