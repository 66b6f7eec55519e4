import { withRole } from "@/lib/auth/role-guards";
import { db } from "@/lib/db";
import { readJson } from "@/lib/http/read-json";
import { createUser, listUsers } from "@/lib/users/user-commands";

export const GET = withRole("admin", async () => Response.json({ items: await listUsers(db) }));

export const POST = withRole("admin", async (user, request) => {
  const created = await createUser(db, await readJson(request), user.id);
  return Response.json({ user: created }, { status: 201 });
});
