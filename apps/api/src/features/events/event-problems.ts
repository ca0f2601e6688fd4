import { DomainError, type EventStatus, say } from "@bridgework/domain";

/** 409 `shift-full`: every confirmed place of the role's shift is taken. */
export class ShiftFull extends DomainError {
  constructor(role: string, needed: number) {
    super(409, "shift-full", "title.conflict", say("event-shift-full", { role, needed }), { needed });
  }
}

/** 409 `event-locked`: a held or archived event keeps what happened. */
export class EventLocked extends DomainError {
  constructor(status: EventStatus) {
    super(409, "event-locked", "title.conflict", say("event-not-editable", { status }), { eventStatus: status });
  }
}

/** Details, roles and volunteers change only before the day is marked held. */
export function requireEditable(status: EventStatus): void {
  if (status === "held" || status === "archived") throw new EventLocked(status);
}
