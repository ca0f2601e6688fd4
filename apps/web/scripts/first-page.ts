import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The script a visitor downloads before they log in: the entry and every chunk index.html
 * preloads (Vite lists the entry's whole static import graph there), plus the English text,
 * which the entry loads before the first paint (lib/i18n.ts). Sizes raw and gzipped (level 9,
 * what a static server's precompression gives).
 */
export interface FirstPage {
  files: { name: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

export function firstPageScripts(dist: string): FirstPage {
  const indexHtml = path.join(dist, "index.html");
  if (!existsSync(indexHtml)) {
    throw new Error(
      `The SPA is not built (${indexHtml} is missing). Run \`pnpm --filter @bridgework/web build\` first.`,
    );
  }
  const html = readFileSync(indexHtml, "utf8");
  const linked = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const language = readdirSync(path.join(dist, "assets")).filter((name) => /^en-[\w-]+\.js$/.test(name));
  if (linked.length === 0 || language.length !== 1) {
    throw new Error(`Unexpected build layout: ${linked.length} linked scripts, ${language.length} English chunks`);
  }
  const files = [...linked, ...language].map((name) => {
    const content = readFileSync(path.join(dist, "assets", name));
    return { name, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
  };
}
