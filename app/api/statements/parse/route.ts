import { z } from "zod";
import { withRole } from "@/lib/auth/role-guards";
import { parseStatement } from "@/lib/domain/statement-parser";
import { readJson } from "@/lib/http/read-json";

const BodySchema = z.object({ statement: z.string().trim().min(3, "statement must quote what the source said").max(5000) });

/** Pre-fills claim fields from a pasted statement; the editor confirms or corrects them. */
export const POST = withRole("editor", async (_user, request) => {
  const { statement } = BodySchema.parse(await readJson(request));
  return Response.json(parseStatement(statement));
});
