// Collects what must never happen on a page: console errors, uncaught exceptions, and requests
// that leave this machine (the app works offline: no remote fonts, scripts or tiles).
import type { Page } from "@playwright/test";

export function watchPage(page: Page): { errors: string[]; external: string[] } {
  const errors: string[] = [];
  const external: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (!["127.0.0.1", "localhost"].includes(new URL(url).hostname)) external.push(url);
  });
  return { errors, external };
}
