// A form posting to a server action: it signs out even before the page has hydrated.
import { signOutAction } from "@/app/login/actions";

export function SignOutButton() {
  return (
    <form action={signOutAction} className="sign-out-form">
      <button type="submit" className="link-button">
        Sign out
      </button>
    </form>
  );
}
