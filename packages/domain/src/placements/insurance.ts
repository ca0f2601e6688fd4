import { z } from "zod";

/** A certificate of insurance's file: at most 5 MB. */
export const MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024;

export const CERTIFICATE_CONTENT_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type CertificateContentType = (typeof CERTIFICATE_CONTENT_TYPES)[number];

/**
 * The certificate's file in a JSON body: its name and its bytes in base64. The type is read from
 * the bytes (`certificateContentType`), never from the name; the size is checked after decoding.
 */
export const CertificateFileInput = z.object({
  name: z.string().trim().min(1).max(200),
  // 5 MB of bytes is at most 6,990,508 base64 characters; a little room for the size problem to say "too large".
  contentBase64: z.base64().min(4).max(7_500_000),
});
export type CertificateFileInput = z.infer<typeof CertificateFileInput>;

/** What the file is, by its first bytes (PDF `%PDF-`, PNG signature, JPEG SOI marker), or null for anything else. */
export function certificateContentType(bytes: Uint8Array): CertificateContentType | null {
  const starts = (sig: number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  return null;
}

/** A file name safe for a Content-Disposition header and a download: no paths, quotes or control characters, the right extension. */
export function certificateFileName(name: string, type: CertificateContentType): string {
  const ext = type === "application/pdf" ? ".pdf" : type === "image/png" ? ".png" : ".jpg";
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/\.[^.]*$/, "")
    .replace(/[^\p{L}\p{N} ._-]/gu, "")
    .trim()
    .slice(0, 120);
  return `${base || "certificate"}${ext}`;
}
