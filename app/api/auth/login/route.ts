import { clientAddress } from "@/lib/auth/current-user";
import { signIn } from "@/lib/auth/login";
import { setSessionCookie } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { errorResponse } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";

export async function POST(request: Request) {
  try {
    const { user, token, expiresAt } = await signIn(db, await readJson(request), await clientAddress());
    await setSessionCookie(token, expiresAt);
    return Response.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } });
  } catch (error) {
    return errorResponse(error);
  }
}
