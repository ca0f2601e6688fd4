import { describe, expect, it } from "vitest";
import { decryptClientSecret, encryptClientSecret } from "./client-secret.ts";

describe("client secrets at rest", () => {
  it("reads back what it sealed, with a fresh IV each time, and nothing under another JWT secret or once altered", () => {
    const a = encryptClientSecret("jwt-secret-one", "s3cret-value");
    const b = encryptClientSecret("jwt-secret-one", "s3cret-value");
    expect(a).not.toBe(b);
    expect(a).not.toContain("s3cret");
    expect(decryptClientSecret("jwt-secret-one", a)).toBe("s3cret-value");
    expect(decryptClientSecret("jwt-secret-two", a)).toBeNull();
    const [version, iv, tag, sealed] = a.split(".");
    expect(decryptClientSecret("jwt-secret-one", [version, iv, tag, `A${sealed!.slice(1)}`].join("."))).toBeNull();
    expect(decryptClientSecret("jwt-secret-one", "plain")).toBeNull();
  });
});
