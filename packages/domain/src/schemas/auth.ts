import { z } from "zod";
import { ROLES } from "../enums.ts";
import { GUARDIAN_LANGUAGES } from "../placements/students.ts";
import { RegionRef } from "./regions.ts";

export const LoginInput = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(512),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  organizationId: z.uuid(),
  organizationName: z.string(),
  regionId: z.uuid(),
  regionName: z.string(),
  language: z.enum(GUARDIAN_LANGUAGES),
  /** The region with its time zone: the SPA shows every instant in it. */
  region: RegionRef,
});
export type Me = z.infer<typeof Me>;

/** What people change about themselves: the language they read Bridgework in, and their name. */
export const UpdateMe = z
  .object({ name: z.string().trim().min(1).max(120), language: z.enum(GUARDIAN_LANGUAGES) })
  .partial()
  .refine((v) => v.name !== undefined || v.language !== undefined, { message: "Send a name or a language" });
export type UpdateMe = z.infer<typeof UpdateMe>;

export const LoginResult = z.object({ accessToken: z.string(), expiresIn: z.number().int(), user: Me });
export type LoginResult = z.infer<typeof LoginResult>;

/** OWASP-style minimum: long enough beats clever rules. */
export const NewPassword = z.string().min(12, "Use at least 12 characters").max(512);

export const AcceptInvitationInput = z.object({
  password: NewPassword,
  name: z.string().trim().min(1).max(120).optional(),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export const InvitationInfo = z.object({
  email: z.string(),
  name: z.string(),
  organizationName: z.string(),
  role: z.enum(ROLES),
});
export type InvitationInfo = z.infer<typeof InvitationInfo>;

/** Forgot password: the address to send a reset link to (the answer never says whether it has an account). */
export const PasswordResetRequest = z.object({ email: z.email().max(254) });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** The new password, under the same rules as an invitation's. */
export const PasswordResetInput = z.object({ password: NewPassword });
export type PasswordResetInput = z.infer<typeof PasswordResetInput>;

export const PasswordResetInfo = z.object({ email: z.string() });
export type PasswordResetInfo = z.infer<typeof PasswordResetInfo>;
