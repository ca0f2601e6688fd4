import { AcceptInvitationInput, InvitationInfo, Me, Problem } from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { type AppServices, publicCtx } from "../../lib/context.ts";
import { acceptInvitation, showInvitation } from "./accept-invitation.ts";

const TokenParams = z.object({ token: z.string().min(20).max(200) });
const tags = ["invitations"];

/** Public: the link is the credential. Opening it never uses it; setting a password does. */
export async function invitationRoutes(app: App, services: AppServices) {
  app.get(
    "/api/invitations/:token",
    {
      schema: {
        tags,
        summary: "What an invitation link is for (does not use it)",
        security: [],
        params: TokenParams,
        response: { 200: InvitationInfo, 400: Problem, 410: Problem },
      },
    },
    (req) => showInvitation(publicCtx(req, services), req.params.token),
  );
  app.post(
    "/api/invitations/:token/accept",
    {
      schema: {
        tags,
        summary: "Set a password and activate the account (uses the link)",
        security: [],
        params: TokenParams,
        body: AcceptInvitationInput,
        response: { 200: Me, 400: Problem, 410: Problem },
      },
    },
    (req) => acceptInvitation(publicCtx(req, services), req.params.token, req.body),
  );
}
