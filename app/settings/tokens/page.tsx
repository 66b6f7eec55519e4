import type { Metadata } from "next";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { pageUser } from "@/lib/auth/page-guard";
import { apiTokensOf } from "@/lib/auth/token-queries";
import { TokenManager } from "./token-manager";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const guard = await pageUser("editor", "/settings/tokens");
  if (!guard.allowed) return <RoleRefusal role="editor" title="API tokens" />;
  const tokens = await apiTokensOf(guard.user.id);
  return (
    <main>
      <h1>API tokens</h1>
      <p className="lede">
        A token lets a script act as you — for example to import files with <code>POST /api/import</code> and the header{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>. It is shown once, when you create it. Revoke a token you no longer use; a revoked
        token stops working at once. See the <a href="/api-docs">API documentation</a>.
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
  );
}
