import { CreateUser, pageOf, Problem, User, UserListQuery } from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { inviteUser } from "./invite-user.ts";
import { listUsers } from "./list-users.ts";
import { resendInvitation } from "./resend-invitation.ts";

const UserParams = z.object({ id: z.uuid() });

const tags = ["users"];

export async function userRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);
  app.get(
    "/api/users",
    {
      schema: {
        tags,
        summary: "Users you manage (intermediary: region; coordinator: district staff; employer: own organization)",
        querystring: UserListQuery,
        response: { 200: pageOf(User), ...problemResponses },
      },
    },
    (req) => listUsers({ ctx: ctxFor(req, services), input: req.query }),
  );
  app.post(
    "/api/users",
    {
      schema: {
        tags,
        summary: "Invite a user (emails a one-time set-password link)",
        body: CreateUser,
        response: { 201: User, 409: Problem, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await inviteUser({ ctx: ctxFor(req, services), input: req.body })),
  );
  app.post(
    "/api/users/:id/invitation",
    {
      schema: {
        tags,
        summary: "Resend an invitation to someone who has not set a password yet (earlier links stop working)",
        params: UserParams,
        response: { 200: User, 409: Problem, ...problemResponses },
      },
    },
    (req) => resendInvitation({ ctx: ctxFor(req, services), userId: req.params.id }),
  );
}
