// The header on every page: who is signed in, the tools their role opens, and the language.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { LocaleSwitcher } from "./locale-switcher";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await currentUser();
  const t = await getTranslations("common");
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Triangulate
      </Link>
      <span className="tagline">{t("tagline")}</span>
      <nav aria-label={t("accountNav")} className="account-nav">
        {hasRole(user, "editor") ? <Link href="/incidents/new">{t("nav.newIncident")}</Link> : null}
        {hasRole(user, "editor") ? <Link href="/sources">{t("nav.sources")}</Link> : null}
        {hasRole(user, "editor") ? <Link href="/import">{t("nav.import")}</Link> : null}
        {hasRole(user, "editor") ? <Link href="/settings/tokens">{t("nav.apiTokens")}</Link> : null}
        {hasRole(user, "admin") ? <Link href="/admin/users">{t("nav.users")}</Link> : null}
        {user ? (
          <>
            <span className="who">
              {user.name} <span className="badge">{t(`roles.${user.role}`)}</span>
            </span>
            <SignOutButton />
          </>
        ) : (
          <Link href="/login">{t("nav.signIn")}</Link>
        )}
        <LocaleSwitcher />
      </nav>
    </header>
  );
}
