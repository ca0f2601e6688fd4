import { documentTemplates } from "@bridgework/db";
import { type DocumentKind, type FieldProblem, requireRole, ValidationFailed, say } from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { uniqueOrDuplicate } from "../../lib/db-errors.ts";
import { unknownPlaceholders } from "../../lib/paperwork/render-template.ts";
import { toTemplate } from "./template.queries.ts";
import { currentTemplate, ensureTemplates } from "../../lib/paperwork/template-versions.ts";
import type { TemplateVersionInput } from "./template.schemas.ts";

/**
 * Intermediary publishes a new version of a form. Documents already created keep pointing at
 * (and signed documents keep the exact text of) the version they were made from; only new
 * placements use this one. Two publishes at once: one gets the number, the other 409 duplicate.
 */
export async function createTemplateVersion({
  ctx,
  kind,
  input,
}: {
  ctx: Ctx;
  kind: DocumentKind;
  input: TemplateVersionInput;
}) {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  const errors: FieldProblem[] = (["titleEn", "titleEs", "bodyEn", "bodyEs"] as const).flatMap((field) =>
    unknownPlaceholders(input[field]).map((name) => ({ path: field, text: say("unknown-placeholder", { name }) })),
  );
  if (errors.length > 0) throw new ValidationFailed(errors);
  const row = await ctx.db.transaction(async (tx) => {
    await ensureTemplates(tx, actor.regionId);
    const current = await currentTemplate(tx, actor.regionId, kind);
    const [created] = await uniqueOrDuplicate(
      tx
        .insert(documentTemplates)
        .values({ regionId: actor.regionId, kind, version: current.version + 1, ...input, createdBy: actor.userId })
        .returning(),
      say("template-version-exists"),
    );
    await audit(tx, actor, "create", "document_template", created!.id, { kind, version: created!.version });
    return created!;
  });
  return toTemplate(row);
}
