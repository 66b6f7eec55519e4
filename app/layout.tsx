import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Triangulate", template: "%s · Triangulate" },
  description: "Conflict incidents with every source's casualty claim kept side by side and reconciled by a recorded method.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            Triangulate
          </Link>
          <span className="tagline">Every source&apos;s casualty claim, side by side, reconciled by a recorded method.</span>
        </header>
        {children}
      </body>
    </html>
  );
}
