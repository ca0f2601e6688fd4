import { type DbOrTx, organizations, regions, users } from "@bridgework/db";
import { type GuardianLanguage, requireRole, RuleViolation, say } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { thankYouLetterMessage } from "@bridgework/notifications";
import { and, asc, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { regionTimeZone } from "../../lib/region-time-zone.ts";
import { dayInZone } from "../../lib/zoned-time.ts";
import type { OrganizationRow } from "../../lib/queries/organizations.ts";
import { preferencesEmployer } from "./employer-preferences.ts";
import { type LetterFacts, letterFacts } from "./letter-facts.ts";
import { renderThankYouLetter } from "./thank-you-letter-pdf.ts";

interface Letterhead {
  region: string;
  intermediary: string;
  timeZone: string;
  today: string;
}

async function letterhead(ctx: Ctx): Promise<Letterhead> {
  const regionId = ctx.actor.regionId;
  const [region] = await ctx.db.select({ name: regions.name }).from(regions).where(eq(regions.id, regionId));
  const [intermediary] = await ctx.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.regionId, regionId), eq(organizations.type, "intermediary")))
    .orderBy(asc(organizations.createdAt))
    .limit(1);
  const timeZone = await regionTimeZone(ctx.db, regionId);
  return {
    region: region?.name ?? "",
    intermediary: intermediary?.name ?? region?.name ?? "",
    timeZone,
    today: dayInZone(ctx.clock.now(), timeZone),
  };
}

const activeContacts = (db: DbOrTx, orgId: string) =>
  db
    .select({ id: users.id, name: users.name, email: users.email, language: users.language })
    .from(users)
    .where(and(eq(users.organizationId, orgId), eq(users.role, "employer"), eq(users.status, "active")))
    .orderBy(asc(users.createdAt), asc(users.email));

/** Whom a letter goes to: the preferred contact when active, else every active employer user (first-added first). */
async function letterContacts(db: DbOrTx, org: OrganizationRow) {
  const all = await activeContacts(db, org.id);
  const preferred = all.find((u) => u.id === org.preferredContactId);
  return preferred ? [preferred] : all;
}

function nothingDone(f: LetterFacts) {
  return f.experiences === 0 && f.hours === 0;
}

const filename = (org: OrganizationRow, schoolYear: string, language: GuardianLanguage) =>
  `${language === "es" ? "carta-de-agradecimiento" : "thank-you-letter"}-${org.name
    .normalize("NFD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase()}-${schoolYear}.pdf`;

async function factsOrRefuse(ctx: Ctx, org: OrganizationRow, schoolYear: string) {
  const facts = await letterFacts(ctx.db, ctx.actor.regionId, org.id, schoolYear);
  // An empty thank-you reads as a reproach: refuse it, and say why.
  if (nothingDone(facts))
    throw new RuleViolation("rule-violation", say("nothing-to-thank", { employer: org.name, schoolYear }));
  return facts;
}

/**
 * The thank-you letter PDF of an employer for a school year (its own users; the intermediary for
 * any employer of the region), in the preferred contact's language, else the first employer
 * user's, else English. 422 when the employer did nothing that year. Audited.
 */
export async function thankYouLetterPdf({ ctx, id, schoolYear }: { ctx: Ctx; id: string; schoolYear: string }) {
  requireRole(ctx.actor, ["employer", "intermediary"]);
  const org = await preferencesEmployer(ctx.db, ctx.actor, id);
  const facts = await factsOrRefuse(ctx, org, schoolYear);
  const [contact] = await letterContacts(ctx.db, org);
  const language = contact?.language ?? "en";
  const head = await letterhead(ctx);
  const [me] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, ctx.actor.userId));
  const pdf = await renderThankYouLetter({
    language,
    employer: org.name,
    contactName: org.preferredContactId && contact?.id === org.preferredContactId ? contact.name : null,
    region: head.region,
    intermediary: head.intermediary,
    signer: ctx.actor.role === "intermediary" && me ? { name: me.name } : null,
    today: head.today,
    facts,
  });
  await audit(ctx.db, ctx.actor, "read", "thank_you_letter", org.id, { schoolYear });
  return { pdf, filename: filename(org, schoolYear, language) };
}

/**
 * The intermediary emails the letter as a PDF attachment to the employer's preferred contact (or
 * every active employer user), each in their own language, through the outbox. Once a day per
 * person and year (a second send that day queues nothing: `sent` 0). 422 when there is nothing
 * to thank for or nobody to send to. Audited.
 */
export async function sendThankYouLetter({ ctx, id, schoolYear }: { ctx: Ctx; id: string; schoolYear: string }) {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  const org = await preferencesEmployer(ctx.db, actor, id);
  const facts = await factsOrRefuse(ctx, org, schoolYear);
  const contacts = await letterContacts(ctx.db, org);
  if (contacts.length === 0)
    throw new RuleViolation("rule-violation", say("employer-has-no-contacts", { employer: org.name }));
  const head = await letterhead(ctx);
  const [me] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  const sender = me?.name ?? head.intermediary;
  const messages = await Promise.all(
    contacts.map(async (c) => {
      const pdf = await renderThankYouLetter({
        language: c.language,
        employer: org.name,
        contactName: c.name,
        region: head.region,
        intermediary: head.intermediary,
        signer: { name: sender },
        today: head.today,
        facts,
      });
      const message = await thankYouLetterMessage({
        recipient: { name: c.name, email: c.email, language: c.language },
        timeZone: head.timeZone,
        employer: org.name,
        region: head.region,
        intermediary: head.intermediary,
        sender,
        schoolYear,
        letter: {
          filename: filename(org, schoolYear, c.language),
          contentType: "application/pdf",
          content: pdf.toString("base64"),
        },
      });
      return { contact: c, message };
    }),
  );
  const sent = await ctx.db.transaction(async (tx) => {
    let n = 0;
    for (const { contact, message } of messages) {
      const id = await queueEmail(tx, {
        dedupeKey: `thank-you-letter:${org.id}:${schoolYear}:${contact.id}:${head.today}`,
        regionId: actor.regionId,
        to: contact.email,
        ...message,
      });
      if (id) n++;
    }
    await audit(tx, actor, "send_thank_you_letter", "organization", org.id, {
      schoolYear,
      recipients: contacts.map((c) => c.id),
      sent: n,
    });
    return n;
  });
  if (sent > 0) ctx.kick();
  return { schoolYear, recipients: contacts.map((c) => ({ name: c.name, email: c.email })), sent };
}
