import { matches, opportunities, organizations, regions, requests, type Tx, users } from "@bridgework/db";
import type { MatchStatus } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import {
  createLinks,
  type MatchCalendarFacts,
  matchAcceptedMessage,
  matchApprovedMessage,
  matchCancelledMessage,
  matchDeclinedMessage,
  matchInviteCancelledMessage,
  type MatchMessageFacts,
  matchScheduledMessage,
  type Message,
  type Recipient,
} from "@bridgework/notifications";
import { and, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Config } from "../../config.ts";

/** Someone a match email goes to, in the language they chose (`users.language`). */
interface Person extends Recipient {
  id: string;
}

const employer = alias(organizations, "n_employer");
const school = alias(organizations, "n_school");
const person = { id: users.id, name: users.name, email: users.email, language: users.language };

async function loadFacts(tx: Tx, matchId: string) {
  const [row] = await tx
    .select({
      match: matches,
      opportunity: {
        title: opportunities.title,
        city: opportunities.city,
        modality: opportunities.modality,
        startsAt: opportunities.startsAt,
        endsAt: opportunities.endsAt,
      },
      request: {
        kind: requests.kind,
        students: requests.students,
        windowStart: requests.windowStart,
        windowEnd: requests.windowEnd,
        districtId: requests.districtId,
      },
      employerName: employer.name,
      schoolName: school.name,
      timeZone: regions.timeZone,
      requester: person,
    })
    .from(matches)
    .innerJoin(regions, eq(regions.id, matches.regionId))
    .innerJoin(opportunities, eq(opportunities.id, matches.opportunityId))
    .innerJoin(requests, eq(requests.id, matches.requestId))
    .innerJoin(employer, eq(employer.id, matches.employerId))
    .innerJoin(school, eq(school.id, requests.schoolId))
    .innerJoin(users, eq(users.id, requests.createdBy))
    .where(eq(matches.id, matchId));
  return row!;
}

/** People of an organization in a role who can still get email (invited or active). */
async function staff(tx: Tx, organizationId: string, role: "employer" | "coordinator"): Promise<Person[]> {
  return tx
    .select(person)
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, role), ne(users.status, "disabled")))
    .orderBy(users.email);
}

/**
 * The emails a match's life sends, each written to the outbox inside the action's transaction
 * with a dedupe key per event and recipient, so a retried or repeated action never mails twice.
 * Each person reads theirs in their own language, with times in the region's zone. Facts are
 * read once per action; the match passed in is the updated row.
 */
export async function matchNotifier(tx: Tx, deps: { config: Config; now: Date }, matchId: string) {
  const f = await loadFacts(tx, matchId);
  const m = f.match;
  const link = createLinks(deps.config.publicUrl).match(m.id);
  const base = (recipient: Person): MatchMessageFacts => ({
    recipient,
    timeZone: f.timeZone,
    link,
    engagement: {
      kind: f.request.kind,
      title: f.opportunity.title,
      employer: f.employerName,
      school: f.schoolName,
      students: f.request.students,
    },
  });
  // The invite lists everyone it goes to; each copy is written in its reader's language.
  const calendar = (attendees: Person[]): MatchCalendarFacts => ({
    matchId: m.id,
    sequence: m.icsSequence,
    start: m.scheduledAt!,
    opportunityStartsAt: f.opportunity.startsAt,
    opportunityEndsAt: f.opportunity.endsAt,
    place: { virtual: f.opportunity.modality === "virtual", city: f.opportunity.city },
    attendees: attendees.map(({ name, email }) => ({ name, email })),
    now: deps.now,
  });
  const send = async (to: Person[], event: string, build: (facts: MatchMessageFacts) => Promise<Message>) => {
    for (const recipient of to) {
      const message = await build(base(recipient));
      await queueEmail(tx, {
        dedupeKey: `match:${m.id}:${event}:${recipient.id}`,
        regionId: m.regionId,
        to: recipient.email,
        ...message,
      });
    }
  };
  const teacherAndCoordinators = async () =>
    dedupe([f.requester, ...(await staff(tx, f.request.districtId, "coordinator"))]);
  const employerContacts = () => staff(tx, m.employerId, "employer");
  const teacherAndEmployer = async () => dedupe([f.requester, ...(await employerContacts())]);

  return {
    /** The coordinator's single voice reaches the employer: one ask per approval. */
    async approved() {
      await send(await employerContacts(), "approved", (b) =>
        matchApprovedMessage({
          ...b,
          windowStart: f.request.windowStart,
          windowEnd: f.request.windowEnd,
          note: m.note,
        }),
      );
    },
    async accepted() {
      await send(await teacherAndCoordinators(), "accepted", (b) =>
        matchAcceptedMessage({ ...b, scheduledAt: m.scheduledAt }),
      );
    },
    async declined(reason: string) {
      await send(await teacherAndCoordinators(), "declined", (b) => matchDeclinedMessage({ ...b, reason }));
    },
    /** The teacher who asked and the employer contacts share one invite; a new SEQUENCE replaces the old one. */
    async invite() {
      const to = await teacherAndEmployer();
      await send(to, `invite:${m.icsSequence}`, (b) => matchScheduledMessage({ ...b, calendar: calendar(to) }));
    },
    /** Ends a match: withdraws a sent invite, and tells an employer who had seen the ask. */
    async ended(from: MatchStatus, how: "declined" | "cancelled", reason: string) {
      if (from === "scheduled") {
        const to = await teacherAndEmployer();
        await send(to, `invite-cancel:${m.icsSequence}`, (b) =>
          matchInviteCancelledMessage({ ...b, calendar: calendar(to), how, reason }),
        );
      } else if (how === "cancelled" && (from === "approved" || from === "accepted")) {
        await send(await employerContacts(), "cancelled", (b) => matchCancelledMessage({ ...b, reason }));
      }
    },
  };
}

function dedupe(people: Person[]): Person[] {
  return [...new Map(people.map((p) => [p.id, p])).values()];
}
