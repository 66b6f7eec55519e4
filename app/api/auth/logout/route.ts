import { clearSessionCookie, sessionToken } from "@/lib/auth/session-cookie";
import { deleteSession } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { errorResponse } from "@/lib/errors";

export async function POST() {
  try {
    await deleteSession(db, await sessionToken());
    await clearSessionCookie();
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
