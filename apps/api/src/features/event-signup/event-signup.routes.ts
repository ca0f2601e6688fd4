import {
  Problem,
  PublicEvent,
  PublicEventList,
  PublicEventParams,
  PublicRegionParams,
  VolunteerCancelParams,
  VolunteerCancelResult,
  VolunteerCancelView,
  VolunteerSignUpInput,
  VolunteerSignUpResult,
} from "@bridgework/domain";
import type { App } from "../../lib/app-types.ts";
import { type AppServices, publicCtx } from "../../lib/context.ts";
import { cancelVolunteer, describeCancellation } from "./cancel.ts";
import { getPublicEvent, listPublicEvents } from "./public-events.ts";
import { signUpVolunteer } from "./sign-up.ts";

const tags = ["event sign-up"];
/** The form is a few kilobytes at its limits; anything far larger is refused before parsing (413). */
const BODY_LIMIT = 64 * 1024;

/** The public volunteer side of multi-employer events: no login; the emailed links are the key. */
export async function eventSignupRoutes(app: App, services: AppServices) {
  app.get(
    "/api/public/regions/:slug/events",
    {
      schema: {
        tags,
        summary: "A region's events open for volunteer sign-up, with each shift's remaining places (public)",
        security: [],
        params: PublicRegionParams,
        response: { 200: PublicEventList, 400: Problem, 404: Problem },
      },
    },
    (req) => listPublicEvents(services.db, req.params.slug),
  );

  app.get(
    "/api/public/regions/:slug/events/:eventId",
    {
      schema: {
        tags,
        summary:
          "One open event with its roles, shift times, remaining places and waiting-list lengths (public; counts only, never names). 404 when not open or of another region",
        security: [],
        params: PublicEventParams,
        response: { 200: PublicEvent, 400: Problem, 404: Problem },
      },
    },
    (req) => getPublicEvent(services.db, req.params.slug, req.params.eventId),
  );

  app.post(
    "/api/public/regions/:slug/events/:eventId/volunteers",
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary:
          "Sign up for a role's shift (public): `confirmed` while places are left, else `waitlisted` with the position; an email follows. 409 when the email is already signed up for the shift; 429 past 10 sign-ups an hour from one address or 5 a day for one email",
        security: [],
        params: PublicEventParams,
        body: VolunteerSignUpInput,
        response: { 201: VolunteerSignUpResult, 400: Problem, 404: Problem, 409: Problem, 413: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
      const result = await signUpVolunteer(publicCtx(req, services), {
        slug: req.params.slug,
        eventId: req.params.eventId,
        body: req.body,
        ip: req.ip,
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    "/api/public/volunteer-cancel/:token",
    {
      schema: {
        tags,
        summary: "What a volunteer's cancel link would cancel, without cancelling (public; mail scanners open links)",
        security: [],
        params: VolunteerCancelParams,
        response: { 200: VolunteerCancelView, 400: Problem, 404: Problem },
      },
    },
    (req) => describeCancellation(publicCtx(req, services), req.params.token),
  );

  app.post(
    "/api/public/volunteer-cancel/:token",
    {
      schema: {
        tags,
        summary:
          "Cancel by the emailed link (public): the first on the shift's waiting list moves up and the event's creator is told. Again → `already-cancelled`; after the event → 410",
        security: [],
        params: VolunteerCancelParams,
        response: { 200: VolunteerCancelResult, 400: Problem, 404: Problem, 410: Problem },
      },
    },
    (req) => cancelVolunteer(publicCtx(req, services), req.params.token),
  );
}
