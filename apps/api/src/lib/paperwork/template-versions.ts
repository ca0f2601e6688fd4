import { type DbOrTx, documentTemplates } from "@bridgework/db";
import { DOCUMENT_KINDS, type DocumentKind } from "@bridgework/domain";
import { and, desc, eq } from "drizzle-orm";
import { DEFAULT_TEMPLATES_EN } from "./default-templates-en.ts";
import { DEFAULT_TEMPLATES_ES } from "./default-templates-es.ts";

export type TemplateRow = typeof documentTemplates.$inferSelect;

/**
 * Gives a region version 1 of every form it lacks. ON CONFLICT on (region, kind, version) makes
 * two first placements at once safe: one inserts, the other finds the row.
 */
export async function ensureTemplates(tx: DbOrTx, regionId: string): Promise<void> {
  await tx
    .insert(documentTemplates)
    .values(
      DOCUMENT_KINDS.map((kind) => ({
        regionId,
        kind,
        version: 1,
        titleEn: DEFAULT_TEMPLATES_EN[kind].title,
        titleEs: DEFAULT_TEMPLATES_ES[kind].title,
        bodyEn: DEFAULT_TEMPLATES_EN[kind].body,
        bodyEs: DEFAULT_TEMPLATES_ES[kind].body,
      })),
    )
    .onConflictDoNothing();
}

/** The newest version of one form in a region (call ensureTemplates first). */
export async function currentTemplate(db: DbOrTx, regionId: string, kind: DocumentKind): Promise<TemplateRow> {
  const [row] = await db
    .select()
    .from(documentTemplates)
    .where(and(eq(documentTemplates.regionId, regionId), eq(documentTemplates.kind, kind)))
    .orderBy(desc(documentTemplates.version))
    .limit(1);
  if (!row) throw new Error(`no ${kind} template for region ${regionId}`);
  return row;
}
