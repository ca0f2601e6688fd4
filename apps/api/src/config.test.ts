import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

const SECRET = { JWT_SECRET: "config-test-secret-config-test-secret" };

describe("the address the server listens on", () => {
  it("is this machine only in development and tests (the dev mailbox has no login)", () => {
    expect(loadConfig({ ...SECRET }).host).toBe("localhost");
    expect(loadConfig({ ...SECRET, NODE_ENV: "test" }).host).toBe("localhost");
  });

  it("is every interface in production, where the container sits behind its proxy", () => {
    expect(loadConfig({ ...SECRET, NODE_ENV: "production" }).host).toBe("0.0.0.0");
  });

  it("is whatever HOST says", () => {
    expect(loadConfig({ ...SECRET, HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(loadConfig({ ...SECRET, NODE_ENV: "production", HOST: "10.0.0.5" }).host).toBe("10.0.0.5");
  });
});
