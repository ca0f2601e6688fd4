import { auditLog, type DbOrTx, employerInterests } from "@bridgework/db";
import { type EmployerInterestInput, INTEREST_CONFIRM_TTL_DAYS, RateLimited } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { createLinks, interestConfirmationMessage } from "@bridgework/notifications";
import { and, count, eq, gt, min, sql } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { hashToken, newToken } from "../../lib/tokens.ts";
import { regionBySlug } from "./employer-interest.queries.ts";

export const INTEREST_CONFIRM_TTL_MS = INTEREST_CONFIRM_TTL_DAYS * 24 * 3600_000;
/** Submissions kept per sending address and per contact email (an address cannot be mail-bombed through the form). */
export const INTEREST_IP_LIMIT = { requests: 5, windowMs: 3600_000 };
export const INTEREST_EMAIL_LIMIT = { requests: 3, windowMs: 24 * 3600_000 };

/**
 * A company's public "Get involved" submission. A filled honeypot (`faxNumber`) returns at once:
 * nothing is stored or sent, and the caller answers as for any submission. Otherwise, within the
 * per-address and per-email limits (429 with Retry-After past them), the row is stored
 * `unconfirmed` with the SHA-256 of a one-time token, and the contact is emailed the link that
 * confirms it (in the language they wrote in, valid INTEREST_CONFIRM_TTL_DAYS days). Audited
 * with no actor. Only a confirmed submission ever reaches the intermediary's queue.
 */
export async function submitInterest(
  ctx: Omit<Ctx, "actor">,
  input: { slug: string; body: EmployerInterestInput; ip: string },
): Promise<void> {
  const region = await regionBySlug(ctx.db, input.slug);
  const { body } = input;
  if (body.faxNumber.trim() !== "") {
    ctx.log.info({ region: region.slug }, "get-involved honeypot filled: submission dropped");
    return;
  }
  const now = ctx.clock.now();
  const email = body.contact.email.toLowerCase();
  await ctx.db.transaction(async (tx) => {
    // Concurrent submissions from one address (or for one email) wait for each other here, so a
    // burst gets no more rows through than the limit. Keys in a fixed order: no deadlock.
    for (const key of [`interest-email:${email}`, `interest-ip:${input.ip}`].sort())
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    await enforceLimit(tx, eq(employerInterests.ip, input.ip), INTEREST_IP_LIMIT, now);
    await enforceLimit(tx, eq(employerInterests.contactEmail, email), INTEREST_EMAIL_LIMIT, now);

    const token = newToken();
    const expiresAt = new Date(now.getTime() + INTEREST_CONFIRM_TTL_MS);
    const [row] = await tx
      .insert(employerInterests)
      .values({
        regionId: region.id,
        status: "unconfirmed",
        companyName: body.companyName,
        website: body.website || null,
        companySize: body.companySize,
        street: body.street || null,
        city: body.city,
        postalCode: body.postalCode,
        sectors: body.sectors,
        contactName: body.contact.name,
        contactEmail: email,
        contactPhone: body.contact.phone || null,
        contactRole: body.contact.role || null,
        language: body.language,
        ways: body.ways,
        months: [...body.months].sort((a, b) => a - b),
        modality: body.modality,
        note: body.note,
        ip: input.ip,
        confirmTokenHash: hashToken(token),
        confirmExpiresAt: expiresAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: employerInterests.id });
    const message = await interestConfirmationMessage({
      recipient: { name: body.contact.name, email, language: body.language },
      timeZone: region.timeZone,
      region: region.name,
      company: body.companyName,
      ways: body.ways,
      link: createLinks(ctx.config.publicUrl).interestConfirm(region.slug, token),
      expiresAt,
    });
    await queueEmail(tx, { dedupeKey: `interest-confirm:${row!.id}`, regionId: region.id, to: email, ...message });
    await tx.insert(auditLog).values({
      regionId: region.id,
      actorUserId: null,
      action: "employer_interest_submitted",
      entity: "employer_interest",
      entityId: row!.id,
      details: { ip: input.ip },
      at: now,
    });
  });
  ctx.kick();
}

/** Throws RateLimited when `limit.requests` rows already match in the window (this one would be one more). */
async function enforceLimit(
  tx: DbOrTx,
  where: ReturnType<typeof eq>,
  limit: { requests: number; windowMs: number },
  now: Date,
) {
  const since = new Date(now.getTime() - limit.windowMs);
  const [row] = await tx
    .select({ n: count(), oldest: min(employerInterests.createdAt) })
    .from(employerInterests)
    .where(and(where, gt(employerInterests.createdAt, since)));
  if (row && row.n >= limit.requests && row.oldest) {
    const retryMs = row.oldest.getTime() + limit.windowMs - now.getTime();
    throw new RateLimited(Math.max(1, Math.ceil(retryMs / 1000)));
  }
}
