import { z } from "zod";

/** Ending a placement early: the reason is required (3–1,000 characters), for the record and the email. */
export const WithdrawInput = z.object({ reason: z.string().trim().min(3).max(1000) });
export type WithdrawInput = z.infer<typeof WithdrawInput>;
