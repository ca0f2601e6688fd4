import { matches, opportunities, organizations, requests, type Tx, users } from "@bridgework/db";
import { KIND_LABELS, type MatchStatus } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { and, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Config } from "../../config.ts";
import { inviteAttachment } from "./match-invite.ts";

interface Person {
  id: string;
  name: string;
  email: string;
}

const employer = alias(organizations, "n_employer");
const school = alias(organizations, "n_school");

async function loadFacts(tx: Tx, matchId: string) {
  const [row] = await tx
    .select({
      match: matches,
      opportunity: { title: opportunities.title, city: opportunities.city, modality: opportunities.modality, startsAt: opportunities.startsAt, endsAt: opportunities.endsAt },
      request: { kind: requests.kind, students: requests.students, windowStart: requests.windowStart, windowEnd: requests.windowEnd, districtId: requests.districtId },
      employerName: employer.name,
      schoolName: school.name,
      requester: { id: users.id, name: users.name, email: users.email },
    })
    .from(matches)
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
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, role), ne(users.status, "disabled")))
    .orderBy(users.email);
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const when = (d: Date) => `${new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeStyle: "short", timeZone: "UTC" }).format(d)} UTC`;

/**
 * The emails a match's life sends, each written to the outbox inside the action's transaction
 * with a dedupe key per event and recipient, so a retried or repeated action never mails twice.
 * Facts are read once per action; the match passed in is the updated row.
 */
export async function matchNotifier(tx: Tx, deps: { config: Config; now: Date }, matchId: string) {
  const f = await loadFacts(tx, matchId);
  const m = f.match;
  const link = `${deps.config.publicUrl}/matches/${m.id}`;
  const kind = KIND_LABELS[f.request.kind];
  const what = `${kind} with ${f.employerName} for ${f.request.students} student${f.request.students === 1 ? "" : "s"} of ${f.schoolName}`;

  const send = async (to: Person[], event: string, subject: string, lines: string[], attachment?: ReturnType<typeof inviteAttachment>) => {
    for (const person of to) {
      await queueEmail(tx, {
        dedupeKey: `match:${m.id}:${event}:${person.id}`,
        regionId: m.regionId,
        to: person.email,
        subject,
        text: [`Hello ${person.name},`, "", ...lines, "", link].join("\n"),
        html: `<p>Hello ${escapeHtml(person.name)},</p>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("")}<p><a href="${link}">Open the match in Bridgework</a></p>`,
        attachments: attachment ? [attachment] : undefined,
      });
    }
  };
  const teacherAndCoordinators = async () => dedupe([f.requester, ...(await staff(tx, f.request.districtId, "coordinator"))]);
  const employerContacts = () => staff(tx, m.employerId, "employer");
  const invite = (method: "REQUEST" | "CANCEL", attendees: Person[]) =>
    inviteAttachment({
      matchId: m.id,
      sequence: m.icsSequence,
      method,
      start: m.scheduledAt!,
      opportunityStartsAt: f.opportunity.startsAt,
      opportunityEndsAt: f.opportunity.endsAt,
      summary: `${kind}: ${f.opportunity.title} (${f.schoolName})`,
      description: `${what}. Details: ${link}`,
      location: f.opportunity.modality === "virtual" ? "Virtual" : f.opportunity.city,
      url: link,
      attendees,
      now: deps.now,
    });

  return {
    /** The coordinator's single voice reaches the employer: one ask per approval. */
    async approved() {
      await send(await employerContacts(), "approved", `New request from ${f.schoolName}: ${kind}`, [
        `${f.schoolName} would like a ${kind.toLowerCase()} ("${f.opportunity.title}") for ${f.request.students} student${f.request.students === 1 ? "" : "s"}, between ${f.request.windowStart} and ${f.request.windowEnd}.`,
        m.note ? `Note: ${m.note}` : "Please accept or decline it in Bridgework.",
      ]);
    },
    async accepted() {
      await send(await teacherAndCoordinators(), "accepted", `${f.employerName} accepted: ${kind}`, [
        `${f.employerName} accepted the ${what}.`,
        m.scheduledAt ? `It is scheduled for ${when(m.scheduledAt)}; the teacher and the employer get a calendar invite.` : "They will confirm a date and time.",
      ]);
    },
    async declined(reason: string) {
      await send(await teacherAndCoordinators(), "declined", `${f.employerName} declined: ${kind}`, [
        `${f.employerName} declined the ${what}.`,
        `Reason: ${reason}`,
        "If the students still need this, pick another suggestion in Bridgework.",
      ]);
    },
    /** The teacher who asked and the employer contacts share one invite; a new SEQUENCE replaces the old one. */
    async invite() {
      const to = dedupe([f.requester, ...(await employerContacts())]);
      await send(to, `invite:${m.icsSequence}`, `${m.icsSequence === 0 ? "Scheduled" : "Rescheduled"}: ${kind}, ${when(m.scheduledAt!)}`, [`The ${what} is scheduled for ${when(m.scheduledAt!)}.`, "The calendar invite is attached."], invite("REQUEST", to));
    },
    /** Ends a match: withdraws a sent invite, and tells an employer who had seen the ask. */
    async ended(from: MatchStatus, how: "declined" | "cancelled", reason: string) {
      if (from === "scheduled") {
        const to = dedupe([f.requester, ...(await employerContacts())]);
        await send(to, `invite-cancel:${m.icsSequence}`, `Cancelled: ${kind}, ${when(m.scheduledAt!)}`, [`The ${what} on ${when(m.scheduledAt!)} is ${how}.`, `Reason: ${reason}`], invite("CANCEL", to));
      } else if (how === "cancelled" && (from === "approved" || from === "accepted")) {
        await send(await employerContacts(), "cancelled", `Cancelled: ${kind} for ${f.schoolName}`, [`${f.schoolName} cancelled the ${what}.`, `Reason: ${reason}`]);
      }
    },
  };
}

function dedupe(people: Person[]): Person[] {
  return [...new Map(people.map((p) => [p.id, p])).values()];
}
