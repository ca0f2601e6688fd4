import { PLACEMENT_STATUSES } from "@bridgework/domain";
import { z } from "zod";

/** Each role's placement fields are allow-listed in one place: the domain's placement-views.ts. */
export { PlacementView } from "@bridgework/domain";

export const PlacementListQuery = z.object({
  status: z.enum(PLACEMENT_STATUSES).optional(),
  opportunityId: z.uuid().optional(),
  studentId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type PlacementListQuery = z.infer<typeof PlacementListQuery>;

/** One rule with the SPA's withdraw dialog. */
export { WithdrawInput } from "@bridgework/domain";

export const DocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

export const HoursEntry = z.object({
  id: z.uuid(),
  date: z.iso.date(),
  hours: z.number(),
  note: z.string().nullable(),
  status: z.enum(["pending", "approved", "rejected"]),
});
