import { emails } from "@bridgework/db";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import type { AppServices } from "../../lib/context.ts";

const MailboxEmail = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  status: z.string(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })),
  createdAt: z.iso.datetime({ offset: true }),
});

/**
 * Development only (no SMTP_URL, not production): emails kept in the database, newest first.
 * Registered only then, so the route does not exist in production.
 */
export async function devMailboxRoutes(app: App, services: AppServices) {
  app.get(
    "/api/dev/mailbox",
    {
      schema: {
        tags: ["dev"],
        security: [],
        summary: "Dev mailbox: emails kept in the database (exists only without SMTP_URL, outside production)",
        querystring: z.object({
          to: z.string().max(254).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(MailboxEmail) },
      },
    },
    async (req) => {
      const rows = await services.db
        .select()
        .from(emails)
        .where(req.query.to ? eq(emails.to, req.query.to.toLowerCase()) : undefined)
        .orderBy(desc(emails.createdAt), desc(emails.id))
        .limit(req.query.limit);
      return rows.map((r) => ({
        id: r.id,
        to: r.to,
        subject: r.subject,
        text: r.text,
        html: r.html,
        status: r.status,
        attachments: r.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })),
        createdAt: r.createdAt.toISOString(),
      }));
    },
  );
}
