import type { Metadata } from "next";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { pageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { listUsers } from "@/lib/users/user-commands";
import { NewUserForm, UserRoleControl } from "./user-forms";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const { user, allowed } = await pageUser("admin", "/admin/users");
  if (!allowed) return <RoleRefusal role="admin" title="Users" />;
  const users = await listUsers(db);
  return (
    <main>
      <h1>Users</h1>
      <p className="lede">Viewers read; editors enter incidents, sources and claims and record decisions; admins also manage users.</p>
      <table className="figures">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>{u.name}</td>
              <td>
                {u.id === user.id ? u.role : <UserRoleControl userId={u.id} email={u.email} role={u.role} disabled={!!u.disabledAt} />}
              </td>
              <td>{u.disabledAt ? "disabled" : "active"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewUserForm />
    </main>
  );
}
