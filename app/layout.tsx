import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Triangulate", template: "%s · Triangulate" },
  description: "Conflict incidents with every source's casualty claim kept side by side and reconciled by a recorded method.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put this request's CSP nonce on its scripts (lib/http/security-headers.ts).
  await connection();
  return (
    <html lang="en">
      <body>
        {/* The first stop of the keyboard: past the header, straight to the page (the map on the home page). */}
        <a href="#main-content" className="skip-link">
          Skip to content
        </a>
        <SiteHeader />
        <div id="main-content" tabIndex={-1}>
          {children}
        </div>
      </body>
    </html>
  );
}
