import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { withRole } from "@/lib/auth/role-guards";
import { parseStatement } from "@/lib/domain/statement-parser";
import { readJson } from "@/lib/http/read-json";

const BodySchema = z.object({ statement: z.string().trim().min(3, "statement must quote what the source said").max(5000) });

/**
 * Pre-fills claim fields from a pasted statement (English or French); the editor confirms or
 * corrects them. Each phrase left unread carries a stable `reasonCode` with its `values`, and
 * `reason` in the request's language (cookie / Accept-Language; English by default).
 */
export const POST = withRole("editor", async (_user, request) => {
  const { statement } = BodySchema.parse(await readJson(request));
  const result = parseStatement(statement);
  const t = await getTranslations({ locale: await getLocale(), namespace: "parser" });
  return Response.json({
    figures: result.figures,
    unresolved: result.unresolved.map((u) => ({ ...u, reason: t(u.reasonCode, u.values) })),
  });
});
