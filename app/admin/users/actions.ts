"use server";
// Creating a user as a server action, so the form also works when posted before the page has
// hydrated: the initial password is posted, never put in a URL.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminFormAction } from "@/lib/auth/role-guards";
import { db } from "@/lib/db";
import { formValues } from "@/lib/forms/form-values";
import { createUser } from "@/lib/users/user-commands";

export const createUserFormAction = adminFormAction(async (user, form) => {
  const v = formValues(form);
  const created = await createUser(db, { ...v, name: v.name === "" ? undefined : v.name } as never, user.id);
  revalidatePath("/admin/users");
  return { done: (await getTranslations("users"))("created", { email: created.email }) };
});
