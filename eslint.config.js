import { readdirSync } from "node:fs";
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// API features never import each other (architecture.md, "Feature boundaries (API)"): one zone per feature folder,
// so a file in features/<f>/ may import from features/<f>/ and from lib/, plugins/, packages, but not from any other feature.
const apiFeatures = readdirSync(new URL("./apps/api/src/features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const apiFeatureZones = apiFeatures.map((feature) => ({
  target: `./apps/api/src/features/${feature}`,
  from: "./apps/api/src/features",
  except: [`./${feature}`],
  message:
    "API features must not import each other: move shared code to apps/api/src/lib, packages/domain or packages/notifications.",
}));

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", ".data/**", "**/migrations/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    // Import cycles are forbidden everywhere; the TypeScript resolver follows the repo's `.ts`-extension imports and workspace packages.
    files: ["**/*.{ts,tsx,js,mjs}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createTypeScriptImportResolver()],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["apps/api/src/**/*.ts"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            ...apiFeatureZones,
            {
              target: "./apps/api/src/lib",
              from: "./apps/api/src/features",
              message: "lib/ is shared by the API features and must not depend on one.",
            },
          ],
        },
      ],
    },
  },
  {
    // The domain package is pure: no I/O, no frameworks.
    files: ["packages/domain/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["node:*", "fastify*", "drizzle-orm*", "pg", "bullmq", "ioredis", "react*"] },
      ],
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // SPA features never import each other (conventions.md); shared code lives in components/, lib/, hooks/.
    files: ["apps/web/src/features/*/*/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./\\.\\./(?!\\.\\.)[^/]+/",
              message: "Features must not import each other: move shared code to components/, lib/ or hooks/.",
            },
          ],
        },
      ],
    },
  },
);
