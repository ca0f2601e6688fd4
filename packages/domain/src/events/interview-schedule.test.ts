import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildInterviewSchedule,
  type Interview,
  rescheduleWithout,
  type Schedule,
  type ScheduleInput,
  slotsOf,
  type TimeRange,
} from "./interview-schedule.ts";

const overlaps = (a: TimeRange, b: TimeRange) => a.start < b.end && b.start < a.end;
const within = (inner: TimeRange, outer: TimeRange) => inner.start >= outer.start && inner.end <= outer.end;

/** Every hard rule of the schedule, checked from the outside; returns what is broken. */
function brokenRules(input: ScheduleInput, schedule: Schedule): string[] {
  const broken: string[] = [];
  const interviewers = new Map(input.interviewers.map((i) => [i.id, i]));
  const students = new Map(input.students.map((s) => [s.id, s]));
  const shifts = new Map(input.shifts.map((s) => [s.id, s]));
  const byStudent = new Map<string, Interview[]>();
  const byInterviewer = new Map<string, Interview[]>();
  for (const interview of schedule.interviews) {
    byStudent.set(interview.studentId, [...(byStudent.get(interview.studentId) ?? []), interview]);
    byInterviewer.set(interview.interviewerId, [...(byInterviewer.get(interview.interviewerId) ?? []), interview]);
    const interviewer = interviewers.get(interview.interviewerId);
    const student = students.get(interview.studentId);
    const shift = shifts.get(interview.shiftId);
    if (!interviewer || !student || !shift) {
      broken.push(`unknown people or shift in ${JSON.stringify(interview)}`);
      continue;
    }
    if (!interviewer.shiftIds.includes(shift.id)) broken.push(`${interviewer.id} works outside their shifts`);
    if (!within(interview, shift)) broken.push(`an interview outside shift ${shift.id}`);
    if (interview.end - interview.start !== input.slotLength) broken.push("an interview of the wrong length");
    if ((shift.breaks ?? []).some((b) => overlaps(b, interview))) broken.push(`an interview in a break of ${shift.id}`);
    if (student.windows.length > 0 && !student.windows.some((w) => within(interview, w)))
      broken.push(`${student.id} scheduled outside their school's periods`);
  }
  const doubleBooked = (list: Interview[]) => list.some((a, i) => list.some((b, j) => i < j && overlaps(a, b)));
  for (const [id, list] of byStudent) {
    if (doubleBooked(list)) broken.push(`student ${id} double-booked`);
    if (new Set(list.map((i) => i.interviewerId)).size !== list.length)
      broken.push(`student ${id} meets someone twice`);
    if (list.length > input.interviewsPerStudent) broken.push(`student ${id} has too many interviews`);
  }
  for (const [id, list] of byInterviewer) {
    if (doubleBooked(list)) broken.push(`interviewer ${id} double-booked`);
    const max = interviewers.get(id)?.maxInterviews;
    if (max !== undefined && list.length > max) broken.push(`interviewer ${id} over their count`);
  }
  // The short list is exactly the students under N, each with the right number missing.
  for (const student of input.students) {
    const got = byStudent.get(student.id)?.length ?? 0;
    const short = schedule.short.find((s) => s.studentId === student.id);
    const missing = input.interviewsPerStudent - got;
    if (missing > 0 && short?.missing !== missing)
      broken.push(`student ${student.id} short by ${missing}, listed ${short?.missing}`);
    if (missing === 0 && short) broken.push(`student ${student.id} listed short with all interviews`);
  }
  return broken;
}

/** Whether some free interviewer could still see this student in one of their free slots. */
function couldStillFit(input: ScheduleInput, schedule: Schedule, studentId: string): boolean {
  const student = input.students.find((s) => s.id === studentId)!;
  const mine = schedule.interviews.filter((i) => i.studentId === studentId);
  for (const shift of input.shifts) {
    for (const slot of slotsOf(shift, input.slotLength)) {
      if (student.windows.length > 0 && !student.windows.some((w) => within(slot, w))) continue;
      if (mine.some((i) => overlaps(i, slot))) continue;
      for (const interviewer of input.interviewers) {
        if (!interviewer.shiftIds.includes(shift.id)) continue;
        if (mine.some((i) => i.interviewerId === interviewer.id)) continue;
        const theirs = schedule.interviews.filter((i) => i.interviewerId === interviewer.id);
        if (theirs.length >= (interviewer.maxInterviews ?? Number.POSITIVE_INFINITY)) continue;
        if (theirs.some((i) => overlaps(i, slot))) continue;
        return true;
      }
    }
  }
  return false;
}

const SECTORS = ["health", "trades", "ict"];

/** Random events: 1–3 shifts (overlapping or not) with breaks, 1–25 interviewers, 1–60 students. */
const inputs: fc.Arbitrary<ScheduleInput> = fc
  .record({
    slotLength: fc.constantFrom(10, 15, 20),
    interviewsPerStudent: fc.integer({ min: 1, max: 4 }),
    shifts: fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 300 }),
        length: fc.integer({ min: 0, max: 240 }),
        breakAt: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    interviewers: fc.array(
      fc.record({
        employer: fc.integer({ min: 0, max: 6 }),
        sector: fc.constantFrom(...SECTORS),
        shifts: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 2 }),
        max: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 25 },
    ),
    students: fc.array(
      fc.record({
        sector: fc.option(fc.constantFrom(...SECTORS), { nil: null }),
        window: fc.option(
          fc.record({ start: fc.integer({ min: 0, max: 400 }), length: fc.integer({ min: 0, max: 200 }) }),
          {
            nil: undefined,
          },
        ),
      }),
      { minLength: 1, maxLength: 60 },
    ),
  })
  .map(({ slotLength, interviewsPerStudent, shifts, interviewers, students }) => ({
    slotLength,
    interviewsPerStudent,
    shifts: shifts.map((s, i) => ({
      id: `shift-${i}`,
      start: s.start,
      end: s.start + s.length,
      breaks: s.breakAt === undefined ? [] : [{ start: s.start + s.breakAt, end: s.start + s.breakAt + 30 }],
    })),
    interviewers: interviewers.map((v, i) => ({
      id: `volunteer-${i}`,
      employerId: `employer-${v.employer}`,
      sectors: [v.sector],
      shiftIds: v.shifts.map((n) => `shift-${n % shifts.length}`),
      maxInterviews: v.max,
    })),
    students: students.map((s, i) => ({
      id: `student-${i}`,
      sector: s.sector,
      windows: s.window ? [{ start: s.window.start, end: s.window.start + s.window.length }] : [],
    })),
  }));

describe("the interview schedule (property tests on random events)", () => {
  it("never breaks a hard rule: no double-booking, shifts, breaks, school periods, counts, no one met twice", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        expect(brokenRules(input, buildInterviewSchedule(input))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("is maximal: a student short of N has no free interviewer left in any of their free slots", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const schedule = buildInterviewSchedule(input);
        const fixable = schedule.short.filter((s) => couldStillFit(input, schedule, s.studentId));
        expect(fixable).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic: the same event gives the same schedule", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        expect(buildInterviewSchedule(input)).toEqual(buildInterviewSchedule(input));
      }),
      { numRuns: 50 },
    );
  });

  it("moves only the slots of a volunteer who cancels, and keeps every rule", () => {
    fc.assert(
      fc.property(inputs, fc.nat(), (input, pick) => {
        const before = buildInterviewSchedule(input);
        const gone = input.interviewers[pick % input.interviewers.length]!.id;
        const after = rescheduleWithout(input, before.interviews, new Set([gone]));
        const remaining = { ...input, interviewers: input.interviewers.filter((i) => i.id !== gone) };
        expect(brokenRules(remaining, after)).toEqual([]);
        expect(after.interviews.some((i) => i.interviewerId === gone)).toBe(false);
        // Every interview of everyone else is still there, at the same time with the same student.
        const key = (i: Interview) => `${i.studentId} ${i.interviewerId} ${i.shiftId} ${i.start}`;
        const kept = new Set(after.interviews.map(key));
        expect(before.interviews.filter((i) => i.interviewerId !== gone && !kept.has(key(i)))).toEqual([]);
        // Only students who lost an interview got a new one.
        const affected = new Set(before.interviews.filter((i) => i.interviewerId === gone).map((i) => i.studentId));
        const added = after.interviews.filter((i) => !before.interviews.some((b) => key(b) === key(i)));
        expect(added.filter((i) => !affected.has(i.studentId))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the interview schedule (a mock-interview day)", () => {
  // 8:00–11:30 and 12:00–15:30 in minutes since midnight, 15-minute interviews, a 10:00 break.
  const morning = { id: "am", start: 480, end: 690, breaks: [{ start: 600, end: 615 }] };
  const afternoon = { id: "pm", start: 720, end: 930 };
  const day = (students: number, interviewers: number, n = 3): ScheduleInput => ({
    slotLength: 15,
    interviewsPerStudent: n,
    shifts: [morning, afternoon],
    interviewers: Array.from({ length: interviewers }, (_, i) => ({
      id: `v${i}`,
      employerId: `e${Math.floor(i / 2)}`,
      sectors: [SECTORS[i % 3]!],
      shiftIds: [i % 2 === 0 ? "am" : "pm"],
    })),
    students: Array.from({ length: students }, (_, i) => ({
      id: `s${i}`,
      sector: SECTORS[i % 3]!,
      windows: i % 4 === 0 ? [{ start: 480, end: 690 }] : [],
    })),
  });

  it("cuts a shift into slots and starts again after a break", () => {
    expect(slotsOf(morning, 20).map((s) => s.start)).toEqual([480, 500, 520, 540, 560, 580, 615, 635, 655]);
    expect(slotsOf(morning, 15)).toHaveLength(13);
    expect(slotsOf({ id: "x", start: 0, end: 10 }, 20)).toEqual([]);
  });

  it("gives 120 students 3 interviews each with 3 different interviewers from different employers", () => {
    const input = day(120, 30);
    const schedule = buildInterviewSchedule(input);
    expect(brokenRules(input, schedule)).toEqual([]);
    expect(schedule.short).toEqual([]);
    expect(schedule.interviews).toHaveLength(360);
    const employerOf = new Map(input.interviewers.map((i) => [i.id, i.employerId]));
    for (const student of input.students) {
      const mine = schedule.interviews.filter((i) => i.studentId === student.id);
      expect(new Set(mine.map((i) => i.interviewerId)).size).toBe(3);
      expect(new Set(mine.map((i) => employerOf.get(i.interviewerId))).size).toBe(3);
    }
    // Morning-only students are seen in the morning.
    for (const interview of schedule.interviews.filter((i) => Number(i.studentId.slice(1)) % 4 === 0))
      expect(interview.shiftId).toBe("am");
  });

  it("matches students with an interviewer from their pathway's sector when one is free", () => {
    const input = day(40, 30, 1);
    const schedule = buildInterviewSchedule(input);
    const sectorOf = new Map(input.interviewers.map((i) => [i.id, i.sectors[0]]));
    const matched = schedule.interviews.filter(
      (i) => sectorOf.get(i.interviewerId) === input.students.find((s) => s.id === i.studentId)!.sector,
    );
    expect(matched).toHaveLength(40);
  });

  it("lists the students it cannot fit, with why, and gives everyone their first interview before anyone a third", () => {
    // 4 morning interviewers × 13 slots = 52 interviews for 20 students wanting 3 (60).
    const base = day(20, 8);
    const late = { id: "late", sector: null, windows: [{ start: 1000, end: 1100 }] };
    const input = { ...base, shifts: [morning], students: [...base.students, late] };
    const schedule = buildInterviewSchedule(input);
    expect(brokenRules(input, schedule)).toEqual([]);
    const counts = input.students.map((s) => schedule.interviews.filter((i) => i.studentId === s.id).length);
    expect(counts.filter((n, i) => input.students[i]!.id !== "late" && n === 0)).toEqual([]);
    expect(schedule.short.find((s) => s.studentId === "late")).toEqual({
      studentId: "late",
      missing: 3,
      reason: "no-slot-in-student-periods",
    });
    expect(schedule.short.filter((s) => s.reason === "no-free-interviewer").length).toBeGreaterThan(0);
    expect(schedule.interviews).toHaveLength(4 * 13);
  });

  it("when a volunteer cancels, moves only that volunteer's interviews", () => {
    const input = day(120, 30);
    const before = buildInterviewSchedule(input);
    const after = rescheduleWithout(input, before.interviews, new Set(["v3"]));
    const lost = before.interviews.filter((i) => i.interviewerId === "v3");
    expect(lost.length).toBeGreaterThan(0);
    expect(after.interviews).toHaveLength(360);
    expect(after.short).toEqual([]);
    const others = (s: Schedule) => s.interviews.filter((i) => !lost.some((l) => l.studentId === i.studentId));
    expect(others(after)).toEqual(others(before));
  });
});
