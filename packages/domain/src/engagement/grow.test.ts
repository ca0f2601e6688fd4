import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KINDS, LEVELS } from "../enums.ts";
import { GROW_REINVITE_DAYS, type GrowFacts, growReason, growSuggestions } from "./grow.ts";

const now = new Date("2031-03-10T15:00:00Z");
const days = (n: number) => new Date(now.getTime() - n * 24 * 3600_000);
const facts = (f: Partial<GrowFacts> = {}): GrowFacts => ({
  goodExposure: 0,
  completedShadows: 0,
  completedExperience: 0,
  goodExperience: 0,
  highestLevel: null,
  completedKinds: [],
  invitations: [],
  ...f,
});

describe("grow rules", () => {
  it("invites an employer with two well-rated guest talks to host a job shadow", () => {
    expect(growSuggestions(facts({ goodExposure: 2, highestLevel: "exposure" }), now)).toEqual([
      { rule: "talks-to-shadow", kind: "job_shadow", count: 2, strength: 1 },
    ]);
  });

  it("does not list one good talk", () => {
    expect(growSuggestions(facts({ goodExposure: 1, highestLevel: "exposure" }), now)).toEqual([]);
  });

  it("does not invite to a shadow an employer already at the engagement level", () => {
    expect(growSuggestions(facts({ goodExposure: 5, highestLevel: "engagement" }), now)).toEqual([]);
  });

  it("invites an employer with three job shadows to host an intern, not one with an internship done", () => {
    const shadows = facts({ completedShadows: 3, highestLevel: "engagement", completedKinds: ["job_shadow"] });
    expect(growSuggestions(shadows, now).map((s) => s.rule)).toEqual(["shadows-to-intern"]);
    expect(growSuggestions({ ...shadows, highestLevel: "experience" }, now)).toEqual([]);
  });

  it("invites to a teacher externship after two good internships, unless one was hosted", () => {
    const interns = facts({ completedExperience: 2, goodExperience: 2, highestLevel: "experience" });
    expect(growSuggestions(interns, now).map((s) => s.kind)).toEqual(["teacher_externship"]);
    expect(growSuggestions({ ...interns, completedKinds: ["teacher_externship"] }, now)).toEqual([]);
  });

  it("leaves out an employer invited to that kind in the last 90 days, and lists it again after", () => {
    const f = facts({ goodExposure: 3, highestLevel: "exposure" });
    expect(growSuggestions({ ...f, invitations: [{ kind: "job_shadow", sentAt: days(89) }] }, now)).toEqual([]);
    expect(
      growSuggestions({ ...f, invitations: [{ kind: "job_shadow", sentAt: days(GROW_REINVITE_DAYS) }] }, now),
    ).toHaveLength(1);
    // An invitation to another kind does not count.
    expect(growSuggestions({ ...f, invitations: [{ kind: "internship", sentAt: days(1) }] }, now)).toHaveLength(1);
  });

  it("ranks the stronger rule first", () => {
    const f = facts({ goodExposure: 2, completedShadows: 6, highestLevel: "exposure" });
    expect(growSuggestions(f, now).map((s) => [s.rule, s.strength])).toEqual([
      ["shadows-to-intern", 2],
      ["talks-to-shadow", 1],
    ]);
  });

  it("says why in English and Spanish", () => {
    expect(growReason({ rule: "talks-to-shadow", count: 2 }, "en")).toContain("job shadow");
    expect(growReason({ rule: "talks-to-shadow", count: 2 }, "es")).toContain("observación");
  });

  const arbitraryFacts = fc.record({
    goodExposure: fc.nat(10),
    completedShadows: fc.nat(10),
    completedExperience: fc.nat(10),
    goodExperience: fc.nat(10),
    highestLevel: fc.constantFrom(null, ...LEVELS.filter((l) => l !== "educator")),
    completedKinds: fc.uniqueArray(fc.constantFrom(...KINDS)),
    invitations: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), sentAt: fc.nat(400).map(days) })),
  });

  it("never suggests a step at or below the level reached, nor one invited to recently (any facts)", () => {
    const rank = { exposure: 1, engagement: 2, experience: 3, educator: 4 } as const;
    fc.assert(
      fc.property(arbitraryFacts, (f) => {
        for (const s of growSuggestions(f, now)) {
          if (s.kind !== "teacher_externship" && f.highestLevel) {
            expect(rank[s.kind === "job_shadow" ? "engagement" : "experience"]).toBeGreaterThan(rank[f.highestLevel]);
          }
          const recent = f.invitations.some(
            (i) => i.kind === s.kind && now.getTime() - i.sentAt.getTime() < GROW_REINVITE_DAYS * 86_400_000,
          );
          expect(recent).toBe(false);
          expect(s.strength).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });

  it("only ever adds suggestions when a count grows (monotone in the evidence)", () => {
    fc.assert(
      fc.property(arbitraryFacts, fc.nat(5), (f, more) => {
        const before = growSuggestions(f, now).map((s) => s.rule);
        const after = growSuggestions(
          { ...f, goodExposure: f.goodExposure + more, completedShadows: f.completedShadows + more },
          now,
        ).map((s) => s.rule);
        for (const r of before) expect(after).toContain(r);
      }),
    );
  });
});
