// A form posting to a server action: it signs out even before the page has hydrated.
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/login/actions";

export async function SignOutButton() {
  const t = await getTranslations("common");
  return (
    <form action={signOutAction} className="sign-out-form">
      <button type="submit" className="link-button">
        {t("nav.signOut")}
      </button>
    </form>
  );
}
