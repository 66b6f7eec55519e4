// The messages a page's client components read, and no others (lib/i18n/client-messages.ts): the
// provider replaces the layout's messages for everything inside it.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages, type ClientMessagePath } from "@/lib/i18n/client-messages";

export async function PageMessages({ paths, children }: { paths: readonly ClientMessagePath[]; children: ReactNode }) {
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), paths)}>{children}</NextIntlClientProvider>;
}
