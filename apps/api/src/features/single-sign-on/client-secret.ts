import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Identity providers' client secrets, encrypted at rest with AES-256-GCM. The key is derived from
 * JWT_SECRET (HKDF-SHA256 with its own label), so no other setting must be kept: rotating
 * JWT_SECRET makes stored secrets unreadable and each provider's secret must be entered again
 * (docs/operations.md). A database dump alone never reveals them.
 */
const VERSION = "v1";

function keyFrom(jwtSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", jwtSecret, "bridgework", "identity-provider-client-secret", 32));
}

export function encryptClientSecret(jwtSecret: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(jwtSecret), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    sealed.toString("base64url"),
  ].join(".");
}

/** The secret, or null when it cannot be read (another JWT_SECRET, a damaged value). */
export function decryptClientSecret(jwtSecret: string, stored: string): string | null {
  const [version, iv, tag, sealed] = stored.split(".");
  if (version !== VERSION || !iv || !tag || !sealed) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(jwtSecret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
