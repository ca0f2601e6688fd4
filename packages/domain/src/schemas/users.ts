import { z } from "zod";
import { ROLES } from "../enums.ts";
import { GUARDIAN_LANGUAGES } from "../placements/students.ts";

export const USER_STATUSES = ["invited", "active", "disabled"] as const;

export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  organizationId: z.uuid(),
  status: z.enum(USER_STATUSES),
  /** The language of this person's emails and of the web app after login. */
  language: z.enum(GUARDIAN_LANGUAGES),
  createdAt: z.iso.datetime({ offset: true }),
});
export type User = z.infer<typeof User>;

export const CreateUser = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  organizationId: z.uuid(),
  /** The language of the invitation and of the person's later emails; English when not given. */
  language: z.enum(GUARDIAN_LANGUAGES).default("en"),
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UserListQuery = z.object({
  organizationId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type UserListQuery = z.infer<typeof UserListQuery>;
