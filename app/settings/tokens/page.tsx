import { PageMessages } from "@/components/page-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { pageUser } from "@/lib/auth/page-guard";
import { apiTokensOf } from "@/lib/auth/token-queries";
import { TokenManager } from "./token-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tokens"))("title") };
}

export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const guard = await pageUser("editor", "/settings/tokens");
  const t = await getTranslations("tokens");
  if (!guard.allowed) return <RoleRefusal role="editor" title={t("title")} />;
  const tokens = await apiTokensOf(guard.user.id);
  return (
    <PageMessages paths={["figures", "tokens"]}>
      <main>
        <h1>{t("title")}</h1>
        <p className="lede">
          {t.rich("lede", {
            route: "POST /api/import",
            header: "Authorization: Bearer <token>",
            code: (chunks) => <code>{chunks}</code>,
            link: (chunks) => <a href="/api-docs">{chunks}</a>,
          })}
        </p>
        <TokenManager
          tokens={tokens.map((t) => ({
            id: t.id,
            name: t.name,
            prefix: t.prefix,
            createdAt: t.createdAt.toISOString(),
            lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
            revokedAt: t.revokedAt?.toISOString() ?? null,
          }))}
        />
      </main>
    </PageMessages>
  );
}
