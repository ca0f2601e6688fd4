import { say, ValidationFailed } from "@bridgework/domain";
import type { FastifyInstance } from "fastify";
import { findUnstorableText } from "../lib/text-input.ts";

/**
 * Once for every route: a body, querystring or path holding a NUL character or a lone surrogate
 * is a 400 `validation` naming the field, before any schema or handler sees it. Without this a
 * NUL reached PostgreSQL (which refuses it) and a lone surrogate was stored as U+FFFD.
 */
export function registerTextInputGuard(app: FastifyInstance) {
  app.addHook("preValidation", async (req) => {
    for (const [where, part] of [
      ["body", req.body],
      ["querystring", req.query],
      ["params", req.params],
    ] as const) {
      const path = findUnstorableText(part);
      if (path)
        throw new ValidationFailed(
          [{ path: path.length ? path.join(".") : where, text: say("unstorable-text-field") }],
          say("unstorable-text"),
        );
    }
  });
}
