import { PageMessages } from "@/components/page-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const t = await getTranslations("login");
  // Only same-site paths: never bounce a signed-in user to another site ("//x" and "/\x" are other sites to a browser).
  const target = typeof next === "string" && /^\/(?![/\\])/.test(next) ? next : "/";
  return (
    <PageMessages paths={["fields", "login", "validation", "vocabulary"]}>
      <main className="narrow">
        <h1>{t("title")}</h1>
        <p className="lede">{t("lede")}</p>
        <LoginForm next={target} />
      </main>
    </PageMessages>
  );
}
