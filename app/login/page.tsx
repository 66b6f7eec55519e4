import type { Metadata } from "next";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  // Only same-site paths: never bounce a signed-in user to another site ("//x" and "/\x" are other sites to a browser).
  const target = typeof next === "string" && /^\/(?![/\\])/.test(next) ? next : "/";
  return (
    <main className="narrow">
      <h1>Sign in</h1>
      <p className="lede">
        Editors and admins sign in to enter claims and record decisions. Reading needs no account unless this site requires it.
      </p>
      <LoginForm next={target} />
    </main>
  );
}
