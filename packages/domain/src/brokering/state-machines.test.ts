import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KIND_LEVEL, KINDS, levelOf } from "../enums.ts";
import { InvalidTransition } from "../errors.ts";
import { holdsSeats, MATCH_MACHINE, MATCH_STATUSES, type MatchAction, type MatchStatus } from "./match.ts";
import { OPPORTUNITY_MACHINE, OPPORTUNITY_STATUSES } from "./opportunity.ts";
import { REQUEST_MACHINE, REQUEST_STATUSES } from "./request.ts";
import { nextState, terminalStates, transition } from "./state-machine.ts";

describe("the WBL continuum", () => {
  it("has 16 kinds, each on exactly one level", () => {
    expect(KINDS).toHaveLength(16);
    expect(levelOf("guest_speaker")).toBe("exposure");
    expect(levelOf("job_shadow")).toBe("engagement");
    expect(levelOf("internship")).toBe("experience");
    expect(levelOf("teacher_externship")).toBe("educator");
    expect(new Set(Object.values(KIND_LEVEL))).toEqual(new Set(["exposure", "engagement", "experience", "educator"]));
  });
});

describe("opportunity states", () => {
  it("publishes a draft, pauses and resumes it, then closes and archives it", () => {
    let s = transition("opportunity", OPPORTUNITY_MACHINE, "draft", "publish");
    expect(s).toBe("published");
    s = transition("opportunity", OPPORTUNITY_MACHINE, s, "pause");
    expect(s).toBe("paused");
    s = transition("opportunity", OPPORTUNITY_MACHINE, s, "publish");
    s = transition("opportunity", OPPORTUNITY_MACHINE, s, "close");
    expect(transition("opportunity", OPPORTUNITY_MACHINE, s, "archive")).toBe("archived");
  });

  it("refuses to pause a draft or publish a closed opportunity with a 409 invalid-transition", () => {
    expect(() => transition("opportunity", OPPORTUNITY_MACHINE, "draft", "pause")).toThrow(InvalidTransition);
    try {
      transition("opportunity", OPPORTUNITY_MACHINE, "closed", "publish");
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        status: 409,
        code: "invalid-transition",
        message: "This opportunity is closed and cannot be published.",
      });
    }
  });

  it("has archived as its only terminal state", () => {
    expect(terminalStates(OPPORTUNITY_MACHINE, OPPORTUNITY_STATUSES)).toEqual(["archived"]);
  });
});

describe("request states", () => {
  it("ends in fulfilled, cancelled or expired and nowhere else", () => {
    expect(terminalStates(REQUEST_MACHINE, REQUEST_STATUSES).sort()).toEqual(["cancelled", "expired", "fulfilled"]);
  });
  it("cannot expire once matched", () => {
    expect(nextState(REQUEST_MACHINE, "matched", "expire")).toBeNull();
  });
});

describe("match states", () => {
  it("goes proposed → approved → accepted → scheduled → completed", () => {
    const path: MatchAction[] = ["approve", "accept", "schedule", "complete"];
    expect(path.reduce<MatchStatus>((s, a) => transition("match", MATCH_MACHINE, s, a), "proposed")).toBe("completed");
  });
  it("cannot be accepted before a coordinator approves it", () => {
    expect(nextState(MATCH_MACHINE, "proposed", "accept")).toBeNull();
  });
  it("can be declined or cancelled from every open state but not after it ended", () => {
    for (const s of ["proposed", "approved", "accepted", "scheduled"] as const) {
      expect(nextState(MATCH_MACHINE, s, "decline")).toBe("declined");
      expect(nextState(MATCH_MACHINE, s, "cancel")).toBe("cancelled");
    }
    for (const s of ["completed", "declined", "cancelled"] as const)
      expect(nextState(MATCH_MACHINE, s, "cancel")).toBeNull();
  });
});

/**
 * Model of one opportunity and its matches driven by random action sequences. The rules under
 * test are the machines and holdsSeats; the model takes seats only as the API does (a
 * conditional take that fails when not enough are left).
 */
describe("invariants under any sequence of actions", () => {
  const actions = fc.constantFrom<MatchAction>("approve", "accept", "schedule", "complete", "decline", "cancel");
  const step = fc.record({ match: fc.nat(7), action: actions, seats: fc.integer({ min: 1, max: 4 }) });

  it("never takes more seats than the capacity and terminal matches stay terminal", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.array(step, { maxLength: 120 }), (capacity, steps) => {
        const matches = Array.from({ length: 8 }, () => ({ status: "proposed" as MatchStatus, seats: 0 }));
        const terminal = new Set<MatchStatus>(terminalStates(MATCH_MACHINE, MATCH_STATUSES));
        let taken = 0;
        for (const { match, action, seats } of steps) {
          const m = matches[match]!;
          const before = m.status;
          const after = nextState(MATCH_MACHINE, before, action);
          if (terminal.has(before)) expect(after).toBeNull();
          if (after === null) continue;
          if (!holdsSeats(before) && holdsSeats(after)) {
            if (taken + seats > capacity) continue; // 409 seats-unavailable: nothing changes
            taken += seats;
            m.seats = seats;
          }
          if (holdsSeats(before) && !holdsSeats(after)) {
            taken -= m.seats;
            m.seats = 0;
          }
          m.status = after;
          expect(taken).toBeLessThanOrEqual(capacity);
          expect(taken).toBe(matches.filter((x) => holdsSeats(x.status)).reduce((a, x) => a + x.seats, 0));
        }
      }),
    );
  });

  it("never leaves a terminal opportunity or request state", () => {
    for (const [machine, states] of [
      [OPPORTUNITY_MACHINE, OPPORTUNITY_STATUSES],
      [REQUEST_MACHINE, REQUEST_STATUSES],
    ] as const) {
      const terminal = terminalStates(machine as never, states as never) as string[];
      const acts = Object.keys(machine);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...acts), { maxLength: 50 }), (seq) => {
          let s: string = states[0];
          let ended = false;
          for (const a of seq) {
            const n = nextState(machine as never, s as never, a as never) as string | null;
            if (ended) expect(n).toBeNull();
            if (n) s = n;
            if (terminal.includes(s)) ended = true;
          }
        }),
      );
    }
  });
});
