/**
 * `pnpm bench events`: the mock-interview scheduler (packages/domain, buildInterviewSchedule) on
 * the sizes the field reports — 400 juniors × 110 volunteers × 3 interviews (goal ≤ 1 s) and
 * 2,000 × 400 (goal ≤ 5 s) — plus rescheduling after one volunteer cancels. Pure CPU, no database.
 */
import { buildInterviewSchedule, rescheduleWithout, type ScheduleInput } from "@bridgework/domain";

const SECTORS = [
  "Health Science and Medical Technology",
  "Building and Construction Trades",
  "Information and Communication Technologies",
  "Business and Finance",
  "Manufacturing and Product Development",
];

/** A deterministic pseudo-random sequence, so every run schedules the same day. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

/**
 * One day of `periods` 100-minute periods from 8:00 with a 10-minute break at the middle of each,
 * 15-minute interviews; volunteers sign up for 2–4 periods, employers send 1–3 volunteers;
 * students come from 8 schools that each send their students in two periods.
 */
function day(students: number, interviewers: number, periods: number): ScheduleInput {
  const next = random(students * 7 + interviewers);
  const shifts = Array.from({ length: periods }, (_, p) => {
    const start = 480 + p * 110;
    return { id: `p${p}`, start, end: start + 100, breaks: [{ start: start + 45, end: start + 55 }] };
  });
  const volunteers = [];
  for (let i = 0, employer = 0; i < interviewers; employer++) {
    const size = 1 + Math.floor(next() * 3);
    for (let k = 0; k < size && i < interviewers; k++, i++) {
      const first = Math.floor(next() * periods);
      const count = Math.min(periods, 2 + Math.floor(next() * 3));
      volunteers.push({
        id: `v${i}`,
        employerId: `e${employer}`,
        sectors: [SECTORS[Math.floor(next() * SECTORS.length)]!],
        shiftIds: Array.from({ length: count }, (_, c) => `p${(first + c) % periods}`),
      });
    }
  }
  return {
    slotLength: 15,
    interviewsPerStudent: 3,
    shifts,
    interviewers: volunteers,
    students: Array.from({ length: students }, (_, i) => {
      const school = i % 8;
      const a = school % periods;
      const b = (school + Math.floor(periods / 2)) % periods;
      return {
        id: `s${i}`,
        sector: SECTORS[i % SECTORS.length]!,
        windows: [shifts[a]!, shifts[b]!].map((s) => ({ start: s.start, end: s.end })),
      };
    }),
  };
}

function timed<T>(fn: () => T, runs: number): { result: T; medianMs: number } {
  const times: number[] = [];
  let result = fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { result, medianMs: times[Math.floor(times.length / 2)]! };
}

export async function run(): Promise<void> {
  const cases = [
    { students: 400, interviewers: 110, periods: 4, goalMs: 1_000 },
    { students: 2_000, interviewers: 400, periods: 6, goalMs: 5_000 },
  ];
  for (const c of cases) {
    const input = day(c.students, c.interviewers, c.periods);
    const { result, medianMs } = timed(() => buildInterviewSchedule(input), 5);
    const employerOf = new Map(input.interviewers.map((v) => [v.id, v.employerId]));
    const byStudent = new Map<string, string[]>();
    for (const i of result.interviews)
      byStudent.set(i.studentId, [...(byStudent.get(i.studentId) ?? []), i.interviewerId]);
    const sameEmployer = [...byStudent.values()].filter(
      (ids) => new Set(ids.map((id) => employerOf.get(id))).size < ids.length,
    ).length;
    const gone = new Set([input.interviewers[0]!.id]);
    const re = timed(() => rescheduleWithout(input, result.interviews, gone), 5);
    console.log(
      `${c.students} students × ${c.interviewers} interviewers × 3: ${medianMs.toFixed(0)} ms (goal ≤ ${c.goalMs} ms, ${medianMs <= c.goalMs ? "met" : "MISSED"}); ` +
        `${result.interviews.length} interviews, ${result.short.length} students short, ${sameEmployer} students seeing one employer twice; ` +
        `reschedule after one cancellation: ${re.medianMs.toFixed(0)} ms, ${re.result.short.length} short`,
    );
  }
}
