// The security headers (lib/http/security-headers.ts) on every page, and no page breaks under the
// Content-Security-Policy: no violation reported on any of them, and the map and the timelines
// (Leaflet, recharts) still draw.
import { expect, test, type Page } from "@playwright/test";
import { signInPage } from "./support/users";

const KOBE = "Attack on a civilian convoy near Kobé";

/** Every page of app/**\/page.tsx, the not-found pages, and what each must show once it works. */
const PAGES: { path: string; ready: (page: Page) => Promise<void>; status?: number }[] = [
  {
    path: "/",
    ready: async (page) => {
      // A marker or a cluster (other specs may have added incidents), drawn over the offline basemap.
      const map = page.getByRole("region", { name: /Map of incidents/ });
      await expect(map.locator(".leaflet-marker-icon").first()).toBeVisible();
      await expect(map.locator(".leaflet-basemap-pane path").first()).toBeAttached();
      await expect(page.getByRole("region", { name: "Timeline" }).locator("svg.recharts-surface").first()).toBeVisible();
    },
  },
  { path: "/login", ready: async (page) => void (await expect(page.getByRole("button", { name: /sign in/i })).toBeVisible()) },
  { path: "/api-docs", ready: async (page) => void (await expect(page.getByRole("heading", { level: 1 })).toBeVisible()) },
  { path: "/sources", ready: async (page) => void (await expect(page.getByRole("heading", { level: 1 })).toBeVisible()) },
  { path: "/import", ready: async (page) => void (await expect(page.getByRole("heading", { level: 1 })).toBeVisible()) },
  { path: "/admin/users", ready: async (page) => void (await expect(page.getByRole("heading", { level: 1 })).toBeVisible()) },
  { path: "/settings/tokens", ready: async (page) => void (await expect(page.getByRole("heading", { level: 1 })).toBeVisible()) },
  { path: "/incidents/new", ready: async (page) => void (await expect(page.getByRole("heading", { level: 1 })).toBeVisible()) },
  {
    path: "/incidents/MLI-2025-0001",
    ready: async (page) => {
      await expect(page.getByRole("heading", { level: 1, name: KOBE })).toBeVisible();
      await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
    },
  },
  {
    path: "/incidents/MLI-2025-0001/edit",
    ready: async (page) => void (await expect(page.getByRole("heading", { level: 1 })).toBeVisible()),
  },
  {
    path: "/incidents/MLI-2025-0001/review",
    ready: async (page) => void (await expect(page.getByRole("heading", { level: 1 })).toBeVisible()),
  },
  {
    path: "/incidents/MLI-2025-0001/claims/new",
    ready: async (page) => void (await expect(page.getByRole("heading", { level: 1 })).toBeVisible()),
  },
  {
    path: "/incidents/MLI-1999-9999",
    status: 404,
    ready: async (page) => void (await expect(page.getByRole("heading", { level: 1 })).toBeVisible()),
  },
  {
    path: "/no-such-page",
    status: 404,
    ready: async (page) => void (await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible()),
  },
];

test("every page carries the security headers and runs under the CSP without a single violation", async ({ page }) => {
  await signInPage(page, "admin");
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  // Also the DOM events, which see violations the console may word differently.
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI} (${event.sample})`,
      );
    });
  });

  const nonces = new Set<string>();
  for (const { path, ready, status = 200 } of PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
    expect(csp, path).not.toContain("unsafe-eval");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    nonces.add(csp.match(/'nonce-([^']+)'/)![1]!);
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    await ready(page);
    // Every script of the page carries this request's nonce (or is one of Next's chunks, trusted through it).
    const scripts = await page.locator("script:not([src])").evaluateAll((elements) => elements.map((e) => (e as HTMLScriptElement).nonce));
    expect(
      scripts.every((n) => n === csp.match(/'nonce-([^']+)'/)![1]),
      path,
    ).toBe(true);
  }
  // A fresh nonce per response.
  expect(nonces.size).toBe(PAGES.length);
  expect(violations).toEqual([]);
});

test("APIs carry the headers too, and HSTS follows secure cookies", async ({ request }) => {
  const response = await request.get("/api/incidents?limit=1");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  expect(response.headers()["content-security-policy"]).toContain("default-src 'self'");
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
  expect(health.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Next's static files, which proxy.ts does not see.
  const home = await (await request.get("/")).text();
  const script = home.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(script).toBeTruthy();
  expect((await request.get(script!)).headers()["x-content-type-options"]).toBe("nosniff");
  // A production build with SECURE_COOKIES unset has Secure cookies, so it says HTTPS only from now on.
  expect(response.headers()["strict-transport-security"]).toBe("max-age=31536000");
});
