import { withRole } from "@/lib/auth/role-guards";
import { db } from "@/lib/db";
import { readJson } from "@/lib/http/read-json";
import { updateUser } from "@/lib/users/user-commands";
import { IdParamsSchema, routeParams } from "@/lib/validation/route-params";

type Context = { params: Promise<{ id: string }> };

export const PATCH = withRole("admin", async (user, request, { params }: Context) => {
  const updated = await updateUser(db, (await routeParams(params, IdParamsSchema)).id, await readJson(request), user.id);
  return Response.json({ user: updated });
});
