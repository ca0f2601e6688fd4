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
  askCapPerMonth: z.number().int().min(0).max(100).nullable().optional(),
};

export const CreateOrganization = z.object({ type: z.enum(ORGANIZATION_TYPES), ...OrganizationFields });
export type CreateOrganization = z.infer<typeof CreateOrganization>;

export const UpdateOrganization = z
  .object({
    name: OrganizationFields.name,
    sectors: z.array(z.enum(SECTORS)).max(15),
    address: AddressPatch,
    askCapPerMonth: OrganizationFields.askCapPerMonth,
  })
  .partial();
export type UpdateOrganization = z.infer<typeof UpdateOrganization>;

export const OrganizationListQuery = z.object({
  type: z.enum(ORGANIZATION_TYPES).optional(),
  q: z.string().trim().max(100).optional(),
  /** Only the children of this organization (a district's schools). */
  parentId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type OrganizationListQuery = z.infer<typeof OrganizationListQuery>;
