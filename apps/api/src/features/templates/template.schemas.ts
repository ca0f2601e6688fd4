import { DOCUMENT_KINDS } from "@bridgework/domain";
import { z } from "zod";

// Route schemas for templates. They belong in @bridgework/domain with the other placement
// schemas once that package's owner takes them; kept here so this feature stands alone.

export const TemplateKindParams = z.object({ kind: z.enum(DOCUMENT_KINDS) });

export const TemplateVersionInput = z.object({
  titleEn: z.string().trim().min(1).max(200),
  titleEs: z.string().trim().min(1).max(200),
  bodyEn: z.string().trim().min(20).max(20_000),
  bodyEs: z.string().trim().min(20).max(20_000),
});
export type TemplateVersionInput = z.infer<typeof TemplateVersionInput>;

export const DocumentTemplate = z.object({
  id: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  version: z.number().int(),
  titleEn: z.string(),
  titleEs: z.string(),
  bodyEn: z.string(),
  bodyEs: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type DocumentTemplate = z.infer<typeof DocumentTemplate>;
