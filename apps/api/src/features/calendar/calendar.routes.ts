import { Calendar, CalendarFeed, CalendarQuery, Waiting } from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { NoContent, problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor, publicCtx } from "../../lib/context.ts";
import { calendarFeedIcs, getCalendarFeed, resetCalendarFeed, revokeCalendarFeed } from "./calendar-feed.ts";
import { getCalendar } from "./get-calendar.ts";
import { getWaiting } from "./get-waiting.ts";

const tags = ["calendar"];

export async function calendarRoutes(app: App, services: AppServices) {
  // The feed is fetched by calendar apps, which send no login: its token is the credential.
  app.get(
    "/api/calendar/feed/:file",
    {
      schema: {
        tags,
        summary: "A person's private iCalendar feed (`<token>.ics`, no login; 404 once reset or revoked)",
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }),
        response: { 200: z.string(), ...problemResponses },
      },
    },
    async (req, reply) => {
      const ics = await calendarFeedIcs({ ctx: publicCtx(req, services), token: req.params.file.slice(0, -4) });
      return reply.type("text/calendar; charset=utf-8").header("Cache-Control", "private, no-store").send(ics);
    },
  );

  await app.register(async (scope) => {
    scope.addHook("onRequest", app.authenticate);
    const authed = scope as App;
    authed.get(
      "/api/me/waiting",
      {
        schema: {
          tags,
          summary: "What waits on you, counted in your scope, with the oldest few items of each kind",
          response: { 200: Waiting, ...problemResponses },
        },
      },
      (req) => getWaiting({ ctx: ctxFor(req, services) }),
    );
    authed.get(
      "/api/calendar",
      {
        schema: {
          tags,
          summary:
            "Your calendar between two days of your region (inclusive, at most 93 days): engagements, first days, deadlines",
          querystring: CalendarQuery,
          response: { 200: Calendar, ...problemResponses },
        },
      },
      (req) => getCalendar({ ctx: ctxFor(req, services), input: req.query }),
    );
    authed.get(
      "/api/me/calendar-feed",
      {
        schema: {
          tags,
          summary: "Whether you have a calendar feed link (the URL itself is only shown when made)",
          response: { 200: CalendarFeed, ...problemResponses },
        },
      },
      (req) => getCalendarFeed({ ctx: ctxFor(req, services) }),
    );
    authed.post(
      "/api/me/calendar-feed",
      {
        schema: {
          tags,
          summary: "Make your calendar feed link, or reset it (the old one stops working); answers the URL once",
          response: { 201: CalendarFeed, ...problemResponses },
        },
      },
      async (req, reply) => reply.status(201).send(await resetCalendarFeed({ ctx: ctxFor(req, services) })),
    );
    authed.delete(
      "/api/me/calendar-feed",
      {
        schema: {
          tags,
          summary: "Turn your calendar feed link off",
          response: { 204: NoContent, ...problemResponses },
        },
      },
      async (req, reply) => {
        await revokeCalendarFeed({ ctx: ctxFor(req, services) });
        return reply.status(204).send(null);
      },
    );
  });
}
