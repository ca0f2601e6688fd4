/**
 * The interview schedule of a mock-interview day (issue: multi-employer events): time slots of a
 * set length in each shift, each student interviewed N times by N different interviewers.
 *
 * Hard rules, never broken: nobody is in two places at once (students and interviewers), an
 * interviewer works only in the shifts they signed up for and never over their count, no slot
 * falls in a break, a student is scheduled only in the periods their school sends them, and a
 * student never meets the same interviewer twice. Wishes, kept when the slots allow, in this
 * order: interviewers from different employers for each student, then an interviewer from the
 * student's pathway sector, then even loads across interviewers.
 *
 * When not everyone can get N interviews, interviews are handed out in rounds (everyone's first
 * before anyone's second), students with the fewest possible slots first, and every student short
 * of N is listed with how many are missing and why. The result is then maximal: no short student
 * has a free interviewer left in any of their free slots.
 *
 * Times are minutes or milliseconds — any one unit, as numbers; the function only compares them.
 */

export interface TimeRange {
  start: number;
  end: number;
}

export interface ScheduleShift extends TimeRange {
  id: string;
  /** No interviews overlap these (lunch, an assembly). */
  breaks?: TimeRange[];
}

export interface ScheduleInterviewer {
  id: string;
  employerId: string;
  sectors: readonly string[];
  /** The shifts this volunteer signed up for. */
  shiftIds: readonly string[];
  /** At most this many interviews (default: every slot of their shifts). */
  maxInterviews?: number;
}

export interface ScheduleStudent {
  id: string;
  /** The student's pathway sector, when known. */
  sector?: string | null;
  /** When the student's school sends them; empty = the whole event. */
  windows: readonly TimeRange[];
}

export interface ScheduleInput {
  /** Length of one interview, in the unit of the times. */
  slotLength: number;
  interviewsPerStudent: number;
  shifts: readonly ScheduleShift[];
  interviewers: readonly ScheduleInterviewer[];
  students: readonly ScheduleStudent[];
}

export interface Interview extends TimeRange {
  studentId: string;
  interviewerId: string;
  shiftId: string;
}

export type ShortReason =
  /** No slot of any shift falls in the periods the student's school sends them. */
  | "no-slot-in-student-periods"
  /** Slots exist, but every interviewer in them is taken, at their count, or already met. */
  | "no-free-interviewer";

export interface ShortStudent {
  studentId: string;
  missing: number;
  reason: ShortReason;
}

export interface Schedule {
  interviews: Interview[];
  short: ShortStudent[];
}

interface Slot extends TimeRange {
  index: number;
  shiftId: string;
  /** Indexes of the interviewers who work this slot's shift. */
  interviewers: number[];
  /** Indexes of the slots at the same time as this one (itself included; shifts may overlap). */
  clashes: number[];
}

const overlaps = (a: TimeRange, b: TimeRange) => a.start < b.end && b.start < a.end;
const within = (inner: TimeRange, outer: TimeRange) => inner.start >= outer.start && inner.end <= outer.end;

/** Each shift cut into back-to-back slots; a slot that would overlap a break starts again after it. */
export function slotsOf(shift: ScheduleShift, slotLength: number): TimeRange[] {
  if (!(slotLength > 0)) return [];
  const breaks = [...(shift.breaks ?? [])].sort((a, b) => a.start - b.start);
  const slots: TimeRange[] = [];
  let start = shift.start;
  while (start + slotLength <= shift.end) {
    const slot = { start, end: start + slotLength };
    const blocking = breaks.find((b) => overlaps(slot, b));
    if (blocking) {
      start = Math.max(blocking.end, start + 1);
      continue;
    }
    slots.push(slot);
    start = slot.end;
  }
  return slots;
}

/**
 * Mutable bookkeeping of one scheduling run. "Busy" is kept per slot index (a slot and every slot
 * clashing with it), so each check in the inner loop is one array read.
 */
class Board {
  readonly slots: Slot[];
  /** Per slot, per interviewer: 1 when the interviewer is busy at that time. */
  private readonly interviewerBusy: Uint8Array[];
  private readonly interviewerLoad: Int32Array;
  private readonly studentBusy = new Map<string, Set<number>>();
  private readonly studentMet = new Map<string, Set<number>>();
  private readonly studentEmployers = new Map<string, Map<string, number>>();
  readonly interviews: Interview[] = [];

  constructor(readonly input: ScheduleInput) {
    const byShift = new Map<string, number[]>();
    input.interviewers.forEach((interviewer, i) => {
      for (const shiftId of new Set(interviewer.shiftIds)) {
        const list = byShift.get(shiftId) ?? [];
        list.push(i);
        byShift.set(shiftId, list);
      }
    });
    const cut = input.shifts
      .flatMap((shift) =>
        slotsOf(shift, input.slotLength).map((s) => ({
          ...s,
          shiftId: shift.id,
          interviewers: byShift.get(shift.id) ?? [],
        })),
      )
      .sort((a, b) => a.start - b.start || a.end - b.end);
    this.slots = cut.map((slot, index) => ({ ...slot, index, clashes: [] }));
    for (const slot of this.slots) {
      // Sorted by start: the clashing ones are neighbours until a slot starts after this one ends.
      for (let j = slot.index; j < this.slots.length && this.slots[j]!.start < slot.end; j++) {
        if (overlaps(slot, this.slots[j]!)) {
          slot.clashes.push(j);
          if (j !== slot.index) this.slots[j]!.clashes.push(slot.index);
        }
      }
    }
    this.interviewerBusy = this.slots.map(() => new Uint8Array(input.interviewers.length));
    this.interviewerLoad = new Int32Array(input.interviewers.length);
  }

  /** The slots a student could ever sit in (inside one of their school's periods). */
  slotsFor(student: ScheduleStudent): Slot[] {
    if (student.windows.length === 0) return this.slots;
    return this.slots.filter((slot) => student.windows.some((w) => within(slot, w)));
  }

  countFor(studentId: string): number {
    return this.studentMet.get(studentId)?.size ?? 0;
  }

  /** The best free interviewer and slot for this student now, or null when none is left. */
  bestFor(student: ScheduleStudent, slots: Slot[]): { slot: Slot; interviewer: number } | null {
    const busy = this.studentBusy.get(student.id);
    const met = this.studentMet.get(student.id);
    const employers = this.studentEmployers.get(student.id);
    const { interviewers } = this.input;
    let best: { slot: Slot; interviewer: number; score: number } | null = null;
    for (const slot of slots) {
      if (busy?.has(slot.index)) continue;
      const taken = this.interviewerBusy[slot.index]!;
      for (const i of slot.interviewers) {
        if (taken[i] || met?.has(i)) continue;
        const interviewer = interviewers[i]!;
        const load = this.interviewerLoad[i]!;
        if (load >= (interviewer.maxInterviews ?? Number.POSITIVE_INFINITY)) continue;
        // Different employers first, then the pathway's sector, then the least busy interviewer.
        const sameEmployer = employers?.get(interviewer.employerId) ?? 0;
        const sectorMatch = student.sector ? interviewer.sectors.includes(student.sector) : false;
        const score = -sameEmployer * 1_000_000 + (sectorMatch ? 10_000 : 0) - load;
        if (!best || score > best.score) best = { slot, interviewer: i, score };
      }
    }
    return best;
  }

  assign(student: ScheduleStudent, slot: Slot, i: number) {
    const interviewer = this.input.interviewers[i]!;
    this.interviews.push({
      studentId: student.id,
      interviewerId: interviewer.id,
      shiftId: slot.shiftId,
      start: slot.start,
      end: slot.end,
    });
    const busy = this.studentBusy.get(student.id) ?? new Set<number>();
    for (const j of slot.clashes) {
      busy.add(j);
      this.interviewerBusy[j]![i] = 1;
    }
    this.studentBusy.set(student.id, busy);
    const met = this.studentMet.get(student.id) ?? new Set<number>();
    met.add(i);
    this.studentMet.set(student.id, met);
    const employers = this.studentEmployers.get(student.id) ?? new Map<string, number>();
    employers.set(interviewer.employerId, (employers.get(interviewer.employerId) ?? 0) + 1);
    this.studentEmployers.set(student.id, employers);
    this.interviewerLoad[i]! += 1;
  }

  /**
   * Hands out interviews in rounds until each student has N or nothing fits; students with the
   * fewest possible slots go first in every round.
   */
  fill(students: readonly ScheduleStudent[]): void {
    const wanted = this.input.interviewsPerStudent;
    const candidates = students.map((student) => ({ student, slots: this.slotsFor(student) }));
    candidates.sort((a, b) => a.slots.length - b.slots.length);
    const stuck = new Set<string>();
    for (let round = 0; round < wanted; round++) {
      for (const { student, slots } of candidates) {
        if (stuck.has(student.id) || this.countFor(student.id) >= wanted) continue;
        const pick = this.bestFor(student, slots);
        // Capacity only shrinks as the run goes on: a student nothing fits now never fits later.
        if (!pick) stuck.add(student.id);
        else this.assign(student, pick.slot, pick.interviewer);
      }
    }
  }

  /** Every student short of N, with how many are missing and why. */
  short(students: readonly ScheduleStudent[]): ShortStudent[] {
    const wanted = this.input.interviewsPerStudent;
    return students
      .filter((student) => this.countFor(student.id) < wanted)
      .map((student) => ({
        studentId: student.id,
        missing: wanted - this.countFor(student.id),
        reason: this.slotsFor(student).length === 0 ? "no-slot-in-student-periods" : "no-free-interviewer",
      }));
  }
}

const byTimeThenIds = (a: Interview, b: Interview) =>
  a.start - b.start ||
  (a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0) ||
  (a.interviewerId < b.interviewerId ? -1 : a.interviewerId > b.interviewerId ? 1 : 0);

/** Builds the day's schedule from nothing. Deterministic: the same input gives the same schedule. */
export function buildInterviewSchedule(input: ScheduleInput): Schedule {
  const board = new Board(input);
  board.fill(input.students);
  return { interviews: board.interviews.sort(byTimeThenIds), short: board.short(input.students) };
}

/**
 * After volunteers cancel or do not check in: every interview of the others stays exactly where
 * it was, and only the students who lost one are given a replacement in the free capacity left
 * (never with someone they already met). `input` still lists everyone; `gone` names who left.
 */
export function rescheduleWithout(
  input: ScheduleInput,
  previous: readonly Interview[],
  gone: ReadonlySet<string>,
): Schedule {
  const remaining = { ...input, interviewers: input.interviewers.filter((i) => !gone.has(i.id)) };
  const board = new Board(remaining);
  const index = new Map(remaining.interviewers.map((interviewer, i) => [interviewer.id, i]));
  const students = new Map(input.students.map((s) => [s.id, s]));
  const slotAt = new Map(board.slots.map((slot) => [`${slot.shiftId} ${slot.start}`, slot]));
  const affected = new Set<string>();
  for (const interview of previous) {
    const i = index.get(interview.interviewerId);
    const student = students.get(interview.studentId);
    const slot = slotAt.get(`${interview.shiftId} ${interview.start}`);
    if (i === undefined) {
      affected.add(interview.studentId);
      continue;
    }
    if (student && slot) board.assign(student, slot, i);
  }
  // A student keeps their other interviews and can never meet the one who left again anyway.
  board.fill([...affected].flatMap((id) => students.get(id) ?? []));
  return { interviews: board.interviews.sort(byTimeThenIds), short: board.short(input.students) };
}
