import { writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const apiPort = process.env.API_PORT ?? "3000";

/**
 * Writes a Brotli and a gzip copy next to every text file of the build, once, at build time: the
 * server sends them to browsers that accept them (`preCompressed`, apps/api/src/plugins/spa.ts)
 * instead of compressing on every request — the first page is a quarter of its size on the wire.
 */
function precompress(): Plugin {
  return {
    name: "bridgework-precompress",
    apply: "build",
    writeBundle(options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const content = Buffer.from(output.type === "chunk" ? output.code : output.source);
        if (content.length < 1024) continue;
        const file = path.join(options.dir ?? "dist", fileName);
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    proxy: { "/api": { target: `http://localhost:${apiPort}`, changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The API's CSP allows only same-origin scripts, so nothing may be inlined as a data: URL script.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
});
