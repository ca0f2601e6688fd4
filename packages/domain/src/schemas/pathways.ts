import { z } from "zod";
import { SECTORS } from "../enums.ts";

export const Pathway = z.object({
  id: z.uuid(),
  name: z.string(),
  sector: z.enum(SECTORS),
  schoolId: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Pathway = z.infer<typeof Pathway>;

export const CreatePathway = z.object({
  name: z.string().trim().min(2).max(200),
  sector: z.enum(SECTORS),
  schoolId: z.uuid(),
});
export type CreatePathway = z.infer<typeof CreatePathway>;

export const PathwayListQuery = z.object({
  schoolId: z.uuid().optional(),
  sector: z.enum(SECTORS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type PathwayListQuery = z.infer<typeof PathwayListQuery>;
