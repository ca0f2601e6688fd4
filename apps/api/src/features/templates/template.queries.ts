import type { DocumentTemplate } from "./template.schemas.ts";
import type { TemplateRow } from "../../lib/paperwork/template-versions.ts";

export function toTemplate(row: TemplateRow): DocumentTemplate {
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    titleEn: row.titleEn,
    titleEs: row.titleEs,
    bodyEn: row.bodyEn,
    bodyEs: row.bodyEs,
    createdAt: row.createdAt.toISOString(),
  };
}
