import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { registerSpa } from "./spa.ts";

/** A build as Vite leaves it: index.html and a hashed script, each with its Brotli and gzip copies. */
function fakeBuild(): string {
  const dist = mkdtempSync(path.join(tmpdir(), "bw-spa-"));
  mkdirSync(path.join(dist, "assets"));
  const files = {
    "index.html": `<!doctype html><title>Bridgework</title><script src="/assets/index-abc123.js"></script>`,
    "assets/index-abc123.js": `console.log(${JSON.stringify("x".repeat(4000))});`,
  };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(path.join(dist, name), text);
    writeFileSync(path.join(dist, `${name}.br`), brotliCompressSync(text));
    writeFileSync(path.join(dist, `${name}.gz`), gzipSync(text));
  }
  return dist;
}

const dist = fakeBuild();
const app = Fastify();
await registerSpa(app, dist);
afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

describe("serving the built SPA", () => {
  it("sends a script's Brotli copy to a browser that accepts it, cached for good (hashed name)", async () => {
    const res = await app.inject({ url: "/assets/index-abc123.js", headers: { "accept-encoding": "gzip, br" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(res.rawPayload).toString()).toContain("console.log");
    expect(res.rawPayload.length).toBeLessThan(200);
  });

  it("sends the plain file to a client that accepts no compression", async () => {
    const res = await app.inject({ url: "/assets/index-abc123.js", headers: { "accept-encoding": "identity" } });
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body).toContain("console.log");
  });

  it("answers a client route with index.html, revalidated on every visit", async () => {
    const res = await app.inject({ url: "/events/123/day", headers: { "accept-encoding": "gzip" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["content-encoding"]).toBe("gzip");
    const html = gunzip(res.rawPayload);
    expect(html).toContain("<title>Bridgework</title>");
  });
});

function gunzip(payload: Buffer): string {
  return gunzipSync(payload).toString();
}
