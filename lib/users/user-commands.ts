// Accounts: created by an admin (or the user:create command), roles changed by admins.
import "server-only";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { NewUserSchema, UserUpdateSchema } from "@/lib/validation/user";

const publicUser = { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true } as const;

export async function createUser(db: Db, input: z.input<typeof NewUserSchema>, actorId: string | null) {
  const values = NewUserSchema.parse(input);
  const passwordHash = await hashPassword(values.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: values.email, name: values.name ?? values.email.split("@")[0]!, role: values.role, passwordHash },
      select: publicUser,
    });
    await audit(tx, {
      actorId,
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: { email: user.email, role: user.role },
    });
    return user;
  });
}

export async function updateUser(db: Db, userId: string, input: z.input<typeof UserUpdateSchema>, actorId: string | null) {
  const values = UserUpdateSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: publicUser });
    if (!before) throw new NotFoundError("The user");
    const demotingSelf = userId === actorId && ((values.role && values.role !== "admin") || values.disabled);
    if (demotingSelf)
      throw new AppError(400, "Invalid input — role: you cannot remove your own admin access; ask another admin.", "invalid", {
        role: ["you cannot remove your own admin access"],
      });
    const user = await tx.user.update({
      where: { id: userId },
      data: { role: values.role, disabledAt: values.disabled === undefined ? undefined : values.disabled ? new Date() : null },
      select: publicUser,
    });
    if (values.disabled) await tx.session.deleteMany({ where: { userId } });
    await audit(tx, {
      actorId,
      action: "user.update",
      entityType: "User",
      entityId: userId,
      before: { role: before.role, disabled: !!before.disabledAt },
      after: { role: user.role, disabled: !!user.disabledAt },
    });
    return user;
  });
}

export function listUsers(db: Db) {
  return db.user.findMany({ orderBy: { email: "asc" }, select: publicUser });
}
