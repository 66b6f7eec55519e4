import { PageMessages } from "@/components/page-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { pageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { listUsers } from "@/lib/users/user-commands";
import { NewUserForm, UserRoleControl } from "./user-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const { user, allowed } = await pageUser("admin", "/admin/users");
  const [t, vocabulary] = await Promise.all([getTranslations("users"), getTranslations("vocabulary")]);
  if (!allowed) return <RoleRefusal role="admin" title={t("title")} />;
  const users = await listUsers(db);
  return (
    <PageMessages paths={["fields", "users", "validation", "vocabulary"]}>
      <main>
        <h1>{t("title")}</h1>
        <p className="lede">{t("lede")}</p>
        <table className="figures">
          <thead>
            <tr>
              <th scope="col">{t("columns.email")}</th>
              <th scope="col">{t("columns.name")}</th>
              <th scope="col">{t("columns.role")}</th>
              <th scope="col">{t("columns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.email}</td>
                <td>{u.name}</td>
                <td>
                  {u.id === user.id ? (
                    vocabulary(`role.${u.role}`)
                  ) : (
                    <UserRoleControl userId={u.id} email={u.email} role={u.role} disabled={!!u.disabledAt} />
                  )}
                </td>
                <td>{t(u.disabledAt ? "status.disabled" : "status.active")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <NewUserForm />
      </main>
    </PageMessages>
  );
}
