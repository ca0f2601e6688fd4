import { z } from "zod";
import { ORGANIZATION_TYPES, SECTORS } from "../enums.ts";
import { Address, AddressPatch } from "./common.ts";

export const DEFAULT_ASK_CAP_PER_MONTH = 4;

export const Organization = z.object({
  id: z.uuid(),
  regionId: z.uuid(),
  type: z.enum(ORGANIZATION_TYPES),
  name: z.string(),
  parentId: z.uuid().nullable(),
  sectors: z.array(z.enum(SECTORS)),
  address: Address,
  /** A school's local or CDS code; the student import accepts it for the school. */
  localCode: z.string().nullable(),
  askCapPerMonth: z.number().int().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Organization = z.infer<typeof Organization>;

const OrganizationFields = {
  name: z.string().trim().min(2).max(200),
  parentId: z.uuid().nullable().optional(),
  sectors: z.array(z.enum(SECTORS)).max(15).default([]),
  address: Address.default({ city: null, postalCode: null }),
  /** Unique per region and type, ignoring case; null clears it. */
  localCode: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u)
    .nullable()
    .optional(),
  askCapPerMonth: z.number().int().min(0).max(100).nullable().optional(),
};

export const CreateOrganization = z.object({ type: z.enum(ORGANIZATION_TYPES), ...OrganizationFields });
export type CreateOrganization = z.infer<typeof CreateOrganization>;

export const UpdateOrganization = z
  .object({
    name: OrganizationFields.name,
    sectors: z.array(z.enum(SECTORS)).max(15),
    address: AddressPatch,
    localCode: OrganizationFields.localCode,
    askCapPerMonth: OrganizationFields.askCapPerMonth,
  })
  .partial();
export type UpdateOrganization = z.infer<typeof UpdateOrganization>;

export const OrganizationListQuery = z.object({
  type: z.enum(ORGANIZATION_TYPES).optional(),
  /** Part of the name, or the start of the local code. */
  q: z.string().trim().max(100).optional(),
  /** Only the children of this organization (a district's schools). */
  parentId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type OrganizationListQuery = z.infer<typeof OrganizationListQuery>;
