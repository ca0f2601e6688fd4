import {
  Event,
  EventInput,
  EventPatch,
  EventRole,
  EventRoleInput,
  EventSummary,
  EventTransition,
  EventVolunteer,
  IdParams,
  pageOf,
  Problem,
} from "@bridgework/domain";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { NoContent, problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { createEvent } from "./create-event.ts";
import { EventListQuery, getEvent, listEvents } from "./list-events.ts";
import { MessageSent, messageVolunteers, VolunteerMessage } from "./message-volunteers.ts";
import { addRole, deleteRole, updateRole } from "./roles.ts";
import { transitionEvent, updateEvent } from "./update-event.ts";
import {
  AddVolunteer,
  addVolunteer,
  cancelVolunteer,
  listVolunteers,
  VolunteerListQuery,
  VolunteerParams,
} from "./volunteers.ts";

const tags = ["events"];
const RoleParams = z.object({ id: z.uuid(), roleId: z.uuid() });
const withConflict = { 409: Problem, ...problemResponses };

/** The keys a PATCH body really carried (the shared schema fills defaults in once parsed). */
const sentKeys = new WeakMap<FastifyRequest, Set<string>>();

/** Multi-employer events as the coordinator and the intermediary run them; teachers read their schools'. */
export async function eventRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.post(
    "/api/events",
    {
      schema: {
        tags,
        summary: "Create an event: the district's (coordinator) or the region's (intermediary), with its roles",
        body: EventInput,
        response: { 201: Event, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await createEvent({ ctx: ctxFor(req, services), input: req.body })),
  );

  app.get(
    "/api/events",
    {
      schema: {
        tags,
        summary: "Events you run or take part in (coordinator, intermediary, teacher)",
        querystring: EventListQuery,
        response: { 200: pageOf(EventSummary), ...problemResponses },
      },
    },
    (req) => listEvents({ ctx: ctxFor(req, services), input: req.query }),
  );

  app.get(
    "/api/events/:id",
    {
      schema: {
        tags,
        summary: "One event with schools, pathways, roles and fill counts",
        params: IdParams,
        response: { 200: Event, ...problemResponses },
      },
    },
    (req) => getEvent({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.patch(
    "/api/events/:id",
    {
      preValidation: (req, _reply, done) => {
        const body = req.body;
        sentKeys.set(req, new Set(body && typeof body === "object" ? Object.keys(body) : []));
        done();
      },
      schema: {
        tags,
        summary: "Change an event's details (draft, open or closed only; roles have their own routes)",
        params: IdParams,
        body: EventPatch,
        response: { 200: Event, ...withConflict },
      },
    },
    (req) =>
      updateEvent({
        ctx: ctxFor(req, services),
        id: req.params.id,
        input: req.body,
        sent: sentKeys.get(req) ?? new Set(),
      }),
  );

  app.post(
    "/api/events/:id/transition",
    {
      schema: {
        tags,
        summary: "Open sign-up, close it, reopen, mark held, archive (409 when the move is not allowed)",
        params: IdParams,
        body: EventTransition,
        response: { 200: Event, ...withConflict },
      },
    },
    (req) => transitionEvent({ ctx: ctxFor(req, services), id: req.params.id, action: req.body.action }),
  );

  app.post(
    "/api/events/:id/roles",
    {
      schema: {
        tags,
        summary: "Add a volunteer role's shift",
        params: IdParams,
        body: EventRoleInput,
        response: { 201: EventRole, ...withConflict },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addRole({ ctx: ctxFor(req, services), eventId: req.params.id, input: req.body })),
  );

  app.patch(
    "/api/events/:id/roles/:roleId",
    {
      schema: {
        tags,
        summary: "Replace a role's details; the number needed never below those confirmed (409)",
        params: RoleParams,
        body: EventRoleInput,
        response: { 200: EventRole, ...withConflict },
      },
    },
    (req) =>
      updateRole({ ctx: ctxFor(req, services), eventId: req.params.id, roleId: req.params.roleId, input: req.body }),
  );

  app.delete(
    "/api/events/:id/roles/:roleId",
    {
      schema: {
        tags,
        summary: "Remove a role nobody is confirmed in (409 otherwise)",
        params: RoleParams,
        response: { 204: NoContent, ...withConflict },
      },
    },
    async (req, reply) => {
      await deleteRole({ ctx: ctxFor(req, services), eventId: req.params.id, roleId: req.params.roleId });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/events/:id/volunteers",
    {
      schema: {
        tags,
        summary: "The event's volunteers, optionally of one role or status (coordinator, intermediary)",
        params: IdParams,
        querystring: VolunteerListQuery,
        response: { 200: z.array(EventVolunteer), ...problemResponses },
      },
    },
    (req) => listVolunteers({ ctx: ctxFor(req, services), eventId: req.params.id, input: req.query }),
  );

  app.post(
    "/api/events/:id/volunteers",
    {
      schema: {
        tags,
        summary: "Add a volunteer directly to a role's shift (409 shift-full when every place is taken)",
        params: IdParams,
        body: AddVolunteer,
        response: { 201: EventVolunteer, ...withConflict },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addVolunteer({ ctx: ctxFor(req, services), eventId: req.params.id, input: req.body })),
  );

  app.delete(
    "/api/events/:id/volunteers/:volunteerId",
    {
      schema: {
        tags,
        summary: "Cancel a volunteer; the first waiting for the role takes the place",
        params: VolunteerParams,
        response: { 200: EventVolunteer, ...withConflict },
      },
    },
    (req) =>
      cancelVolunteer({ ctx: ctxFor(req, services), eventId: req.params.id, volunteerId: req.params.volunteerId }),
  );

  app.post(
    "/api/events/:id/message",
    {
      schema: {
        tags,
        summary: "Email every confirmed and waiting volunteer of the event, each in their language",
        params: IdParams,
        body: VolunteerMessage,
        response: { 200: MessageSent, ...problemResponses },
      },
    },
    (req) => messageVolunteers({ ctx: ctxFor(req, services), eventId: req.params.id, input: req.body }),
  );
}
