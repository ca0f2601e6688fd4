import { z } from "zod";
import { Problem } from "./common.ts";

/** Up to 50 ids, each once: the same action done to each of them. */
export const BulkIds = z.object({
  ids: z
    .array(z.uuid())
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { message: "List each item only once" }),
});
export type BulkIds = z.infer<typeof BulkIds>;

/** One item's outcome: done, or the problem that item met (the others still went ahead). */
export const BulkOutcome = z.discriminatedUnion("ok", [
  z.object({ id: z.uuid(), ok: z.literal(true) }),
  z.object({ id: z.uuid(), ok: z.literal(false), problem: Problem }),
]);
export type BulkOutcome = z.infer<typeof BulkOutcome>;

/** Per-item results in the order asked, with counts: a partial failure is never silent. */
export const BulkResult = z.object({
  succeeded: z.number().int(),
  failed: z.number().int(),
  results: z.array(BulkOutcome),
});
export type BulkResult = z.infer<typeof BulkResult>;
