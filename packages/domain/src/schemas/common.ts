import { z } from "zod";

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

export const IdParams = z.object({ id: z.uuid() });
export type IdParams = z.infer<typeof IdParams>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** `{ items, total, page, pageSize }` for any item schema. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const Address = z.object({
  city: z.string().trim().max(120).nullable().default(null),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, "Use a 5-digit ZIP code")
    .nullable()
    .default(null),
});
export type Address = z.infer<typeof Address>;

/** For PATCH: a field left out stays as it is (no defaults that would wipe it). */
export const AddressPatch = z
  .object({
    city: z.string().trim().max(120).nullable(),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{5}(-\d{4})?$/, "Use a 5-digit ZIP code")
      .nullable(),
  })
  .partial();

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  /** Every error answer has it (a bulk answer's per-item problems share their answer's). */
  requestId: z
    .string()
    .optional()
    .describe(
      "The request's id, also in the X-Request-Id header and on every log line of the request (the caller's own X-Request-Id when well-formed). Quote it when reporting a problem.",
    ),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;
