import { calendarFeeds } from "@bridgework/db";
import {
  addDays,
  type CalendarEntry,
  type CalendarFeed,
  type GuardianLanguage,
  LABELS,
  NotFound,
} from "@bridgework/domain";
import { buildFeed, createLinks } from "@bridgework/notifications";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { hashToken, newToken } from "../../lib/tokens.ts";
import { dayInZone } from "../../lib/zoned-time.ts";
import { actorFor, loadUserWithOrg } from "../../lib/auth/actor.ts";
import { calendarEntries } from "./calendar.queries.ts";

const feedUrl = (publicUrl: string, token: string) => `${publicUrl}/api/calendar/feed/${token}.ics`;

export async function getCalendarFeed({ ctx }: { ctx: Ctx }): Promise<CalendarFeed> {
  const [row] = await ctx.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, ctx.actor.userId));
  return { url: null, active: Boolean(row), createdAt: row?.createdAt.toISOString() ?? null };
}

/**
 * Creates the person's feed link, or replaces it (the old URL stops working at once). The token
 * is shown only in this answer; only its SHA-256 is kept. Audited.
 */
export async function resetCalendarFeed({ ctx }: { ctx: Ctx }): Promise<CalendarFeed> {
  const token = newToken();
  const actor = ctx.actor;
  const row = await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(calendarFeeds)
      .values({ userId: actor.userId, regionId: actor.regionId, tokenHash: hashToken(token) })
      .onConflictDoUpdate({
        target: calendarFeeds.userId,
        set: { tokenHash: hashToken(token), createdAt: ctx.clock.now(), lastReadAt: null },
      })
      .returning();
    await audit(tx, actor, "reset", "calendar_feed", saved!.id);
    return saved!;
  });
  return { url: feedUrl(ctx.config.publicUrl, token), active: true, createdAt: row.createdAt.toISOString() };
}

export async function revokeCalendarFeed({ ctx }: { ctx: Ctx }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(calendarFeeds)
      .where(eq(calendarFeeds.userId, ctx.actor.userId))
      .returning({ id: calendarFeeds.id });
    if (gone) await audit(tx, ctx.actor, "revoke", "calendar_feed", gone.id);
  });
}

const WORDS: Record<GuardianLanguage, Record<CalendarEntry["kind"], string> & { name: string }> = {
  en: {
    name: "Bridgework",
    engagement: "",
    placementStart: "First day",
    requestWindowEnds: "Request window closes",
    paperworkDue: "Paperwork due",
    certificateExpires: "Insurance certificate expires",
  },
  es: {
    name: "Bridgework",
    engagement: "",
    placementStart: "Primer día",
    requestWindowEnds: "Cierra el periodo de la solicitud",
    paperworkDue: "Vencen los documentos",
    certificateExpires: "Vence el certificado de seguro",
  },
};

/**
 * The feed a calendar app fetches without a login: the token is the credential. An unknown,
 * reset or revoked token, or a disabled account, is 404. It covers 30 days back to 180 ahead,
 * in the person's language and the region's zone. Reading it is not audited per student: the
 * owner chose to publish it, and the entries name students by first name and initial only.
 */
export async function calendarFeedIcs({ ctx, token }: { ctx: Omit<Ctx, "actor">; token: string }): Promise<string> {
  const [feed] = await ctx.db
    .select()
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashToken(token)));
  const person = feed ? await loadUserWithOrg(ctx.db, { id: feed.userId }) : null;
  if (!feed || !person || person.user.status === "disabled") throw new NotFound("resource");
  const now = ctx.clock.now();
  const timeZone = person.region.timeZone;
  const today = dayInZone(now, timeZone);
  const language = person.user.language;
  const entries = await calendarEntries(ctx, actorFor(person), {
    from: addDays(today, -30),
    to: addDays(today, 180),
    timeZone,
  });
  await ctx.db.update(calendarFeeds).set({ lastReadAt: now }).where(eq(calendarFeeds.id, feed.id));
  const links = createLinks(ctx.config.publicUrl);
  const words = WORDS[language];
  return buildFeed({
    name: words.name,
    timeZone,
    now,
    events: entries.map((e) => {
      const title =
        e.kind === "requestWindowEnds"
          ? (LABELS[language].kinds[e.title as keyof (typeof LABELS)["en"]["kinds"]] ?? e.title)
          : e.title;
      const url =
        e.kind === "engagement"
          ? links.match(e.id)
          : e.kind === "certificateExpires"
            ? links.insurance()
            : e.kind === "requestWindowEnds"
              ? `${ctx.config.publicUrl}/requests/${e.id}`
              : links.placement(e.id);
      return {
        uid: e.uid,
        summary: words[e.kind] ? `${words[e.kind]}: ${title}` : title,
        description: e.detail,
        start: e.allDay ? e.start : new Date(e.start),
        url,
      };
    }),
  });
}
