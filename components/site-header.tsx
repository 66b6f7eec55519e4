// The header on every page: who is signed in, and the tools their role opens.
import Link from "next/link";
import { currentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Triangulate
      </Link>
      <span className="tagline">Every source&apos;s casualty claim, side by side, reconciled by a recorded method.</span>
      <nav aria-label="Account" className="account-nav">
        {hasRole(user, "editor") ? <Link href="/incidents/new">New incident</Link> : null}
        {hasRole(user, "editor") ? <Link href="/sources">Sources</Link> : null}
        {hasRole(user, "editor") ? <Link href="/import">Import</Link> : null}
        {hasRole(user, "editor") ? <Link href="/settings/tokens">API tokens</Link> : null}
        {hasRole(user, "admin") ? <Link href="/admin/users">Users</Link> : null}
        {user ? (
          <>
            <span className="who">
              {user.name} <span className="badge">{user.role}</span>
            </span>
            <SignOutButton />
          </>
        ) : (
          <Link href="/login">Sign in</Link>
        )}
      </nav>
    </header>
  );
}
