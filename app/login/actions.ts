"use server";
// Sign-in as a server action: the form posts (never a GET with the password in the URL), before
// or after the page has hydrated.
import { clientAddress } from "@/lib/auth/current-user";
import { signIn } from "@/lib/auth/login";
import { publicFormAction } from "@/lib/auth/role-guards";
import { redirect } from "next/navigation";
import { clearSessionCookie, sessionToken, setSessionCookie } from "@/lib/auth/session-cookie";
import { deleteSession } from "@/lib/auth/session-store";
import { db } from "@/lib/db";

/** Only same-site paths: never bounce a signed-in user to another site. */
function samePath(next: FormDataEntryValue | null): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export const signInAction = publicFormAction(async (_nobody, form) => {
  const { token, expiresAt } = await signIn(
    db,
    { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") },
    await clientAddress(),
  );
  await setSessionCookie(token, expiresAt);
  return { redirectTo: samePath(form.get("next")) };
});

/** Sign-out as a plain form post: no role needed (without a session it changes nothing). */
export async function signOutAction(): Promise<void> {
  await deleteSession(db, await sessionToken());
  await clearSessionCookie();
  redirect("/");
}
