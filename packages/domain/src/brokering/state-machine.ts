import { InvalidTransition } from "../errors.ts";
import type { Thing } from "../problems/words.ts";

/** A state machine as data: for each action, the states it may start from and where it leads. */
export type Machine<S extends string, A extends string> = Record<A, { from: readonly S[]; to: S }>;

/** The state after `action`, or null when the move is illegal. */
export function nextState<S extends string, A extends string>(machine: Machine<S, A>, from: S, action: A): S | null {
  const rule = machine[action];
  return rule.from.includes(from) ? rule.to : null;
}

/** Like nextState, but an illegal move throws 409 invalid-transition naming the entity. */
export function transition<S extends string, A extends string>(
  entity: Thing,
  machine: Machine<S, A>,
  from: S,
  action: A,
): S {
  const to = nextState(machine, from, action);
  if (to === null) throw new InvalidTransition(entity, from, pastTense(action));
  return to;
}

function pastTense(action: string): string {
  const irregular: Record<string, string> = {
    publish: "published",
    pause: "paused",
    close: "closed",
    archive: "archived",
    cancel: "cancelled",
    expire: "expired",
    reopen: "reopened",
    fulfil: "fulfilled",
    decline: "declined",
    complete: "completed",
    approve: "approved",
    accept: "accepted",
    schedule: "scheduled",
    match: "matched",
    withdraw: "withdrawn",
    activate: "activated",
    ready: "made ready",
    hold: "held",
  };
  return irregular[action] ?? `${action}ed`;
}

/** States no action leads out of. */
export function terminalStates<S extends string, A extends string>(machine: Machine<S, A>, all: readonly S[]): S[] {
  return all.filter((s) => !Object.values<{ from: readonly S[] }>(machine).some((r) => r.from.includes(s)));
}
