import { z } from "zod";
import { USER_ROLES } from "@/lib/domain/vocabularies";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

export const NewUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("email must be an email address"),
  name: z.string().trim().min(1, "name is required").max(200).optional(),
  role: z.enum(USER_ROLES, { message: `role must be one of ${USER_ROLES.join(", ")}` }),
  password: z.string().min(MIN_PASSWORD_LENGTH, `password must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});

export const UserUpdateSchema = z.object({
  role: z.enum(USER_ROLES, { message: `role must be one of ${USER_ROLES.join(", ")}` }).optional(),
  disabled: z.boolean().optional(),
});
