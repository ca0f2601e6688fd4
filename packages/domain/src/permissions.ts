import type { Role } from "./enums.ts";
import { Forbidden } from "./errors.ts";

/** A person acting through the API. `districtId` is the district a coordinator runs or a teacher's school belongs to. */
export interface PersonActor {
  kind: "person";
  userId: string;
  role: Role;
  organizationId: string;
  regionId: string;
  districtId: string | null;
}

/** Background jobs act as the system: no person, no audit of reads. */
export interface SystemActor {
  kind: "system";
}

export type Actor = PersonActor | SystemActor;

/** First line of every action: refuse roles that may never do this (403). Scope (404) comes after. */
export function requireRole<R extends Role>(
  actor: Actor,
  roles: readonly R[],
): asserts actor is PersonActor & { role: R } {
  if (actor.kind !== "person" || !(roles as readonly Role[]).includes(actor.role)) {
    throw new Forbidden();
  }
}
