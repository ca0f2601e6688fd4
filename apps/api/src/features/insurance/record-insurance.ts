import { createHash } from "node:crypto";
import { insuranceCertificateFiles, insuranceCertificates } from "@bridgework/db";
import {
  certificateContentType,
  type CertificateFileInput,
  certificateFileName,
  dayOf,
  type InsuranceInput,
  MAX_CERTIFICATE_BYTES,
  NotFound,
  requireRole,
  say,
  ValidationFailed,
} from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findOrganizationInRegion } from "../../lib/queries/organizations.ts";
import { toCertificate } from "./insurance.queries.ts";

/**
 * The uploaded certificate file, checked: not empty, at most 5 MB once decoded, and a PDF, PNG or
 * JPEG by its first bytes (the name says nothing). Anything else is 400 with `errors[].path` `file`.
 */
function checkedFile(file: CertificateFileInput) {
  const bytes = Buffer.from(file.contentBase64, "base64");
  const refuse = (text: ReturnType<typeof say>) => new ValidationFailed([{ path: "file", text }]);
  if (bytes.length === 0) throw refuse(say("certificate-file-empty"));
  if (bytes.length > MAX_CERTIFICATE_BYTES)
    throw refuse(say("certificate-file-too-large", { mb: MAX_CERTIFICATE_BYTES / 1024 / 1024 }));
  const contentType = certificateContentType(bytes);
  if (!contentType) throw refuse(say("certificate-file-type"));
  return {
    bytes,
    contentType,
    fileName: certificateFileName(file.name, contentType),
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/**
 * Records an employer's certificate of insurance, with its file when given: the intermediary for
 * any employer of its region, an employer for its own organization (another's id is 404, as if it
 * did not exist). The newest certificate is the one that counts.
 */
export async function recordInsurance({
  ctx,
  employerId,
  input,
}: {
  ctx: Ctx;
  employerId: string;
  input: InsuranceInput;
}) {
  requireRole(ctx.actor, ["intermediary", "employer"]);
  const actor = ctx.actor;
  if (actor.role === "employer" && actor.organizationId !== employerId) throw new NotFound("employer");
  const employer = await findOrganizationInRegion(ctx.db, actor.regionId, employerId, "employer");
  const { file, ...fields } = input;
  const upload = file ? checkedFile(file) : null;
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(insuranceCertificates)
      .values({ regionId: actor.regionId, employerId: employer.id, ...fields, recordedBy: actor.userId })
      .returning();
    if (upload) {
      await tx.insert(insuranceCertificateFiles).values({
        certificateId: created!.id,
        regionId: actor.regionId,
        fileName: upload.fileName,
        contentType: upload.contentType,
        size: upload.bytes.length,
        sha256: upload.sha256,
        content: upload.bytes,
      });
    }
    await audit(tx, actor, "create", "insurance_certificate", created!.id, {
      employerId: employer.id,
      expiresOn: fields.expiresOn,
      ...(upload
        ? {
            file: {
              name: upload.fileName,
              contentType: upload.contentType,
              size: upload.bytes.length,
              sha256: upload.sha256,
            },
          }
        : {}),
    });
    const meta = upload ? { name: upload.fileName, contentType: upload.contentType, size: upload.bytes.length } : null;
    return toCertificate(created!, dayOf(ctx.clock.now()), meta);
  });
}
