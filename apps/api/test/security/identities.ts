import type { Role } from "@bridgework/domain";

/**
 * Who calls each route in the authorization matrix. The four Valley people own the world's
 * records (the student is at their school, the placement at their employer, the request is the
 * teacher's); the four outsiders hold the same roles one boundary away and use the Valley ids.
 */
export const IDENTITIES = {
  anonymous: null,
  intermediary: { email: "intermediary@valley.example", role: "intermediary" },
  coordinator: { email: "coordinator@valley.example", role: "coordinator" },
  teacher: { email: "teacher@valley.example", role: "teacher" },
  employer: { email: "employer@valley.example", role: "employer" },
  /** Another region: the Coast intermediary, who may do the most there. */
  coast: { email: "intermediary@coast.example", role: "intermediary" },
  /** Same region, another district (Riverbend Unified). */
  otherDistrict: { email: "coordinator@riverbend.example", role: "coordinator" },
  /** Same district, another school (Eastside High). */
  otherSchool: { email: "teacher2@valley.example", role: "teacher" },
  /** Same region, another employer (Sierra Builders). */
  otherEmployer: { email: "builder@valley.example", role: "employer" },
} as const satisfies Record<string, { email: string; role: Role } | null>;

export type IdentityName = keyof typeof IDENTITIES;
export type Person = Exclude<IdentityName, "anonymous">;
export const IDENTITY_NAMES = Object.keys(IDENTITIES) as IdentityName[];

/**
 * How far a grant reaches, from the widest: `any` (no Valley record is named: the caller's own
 * account, their own region's lists), the Valley `region`, the Valley Unified `district`, Valley
 * High `school`, the employer's `own` organization, and `self`: the very person the record
 * belongs to (the teacher who asked).
 */
export type Scope = "any" | "region" | "district" | "school" | "own" | "self";

/** The scopes each caller stands inside, relative to the world's Valley records. */
export const REACH: Record<Person, readonly Scope[]> = {
  intermediary: ["any", "region", "district", "school", "own", "self"],
  coordinator: ["any", "region", "district", "school", "own", "self"],
  teacher: ["any", "region", "district", "school", "own", "self"],
  employer: ["any", "region", "district", "school", "own", "self"],
  coast: ["any"],
  otherDistrict: ["any", "region"],
  otherSchool: ["any", "region", "district"],
  otherEmployer: ["any", "region"],
};

export const isOutsider = (who: IdentityName) =>
  who === "coast" || who === "otherDistrict" || who === "otherSchool" || who === "otherEmployer";
