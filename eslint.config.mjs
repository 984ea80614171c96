import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Paths a layer may not import from: dependencies flow app -> components -> lib -> db. */
const forbid = (...layers) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: layers.flatMap((layer) => [
        { group: [`@/${layer}`, `@/${layer}/*`], message: `Dependencies flow app -> components -> lib -> db; this layer may not import from ${layer}/.` },
        { group: [`**/${layer}/*`, `../${layer}`, `../../${layer}`], message: `Dependencies flow app -> components -> lib -> db; this layer may not import from ${layer}/.` },
      ]),
    },
  ],
});

export default tseslint.config(
  { ignores: [".next/**", "dist/**", "node_modules/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts", ".data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  // Plain JavaScript run by Node before tsx (preloads): Node's globals, which TypeScript knows elsewhere.
  {
    files: ["lib/**/*.mjs", "testing/**/*.mjs", "scripts/**/*.mjs"],
    languageOptions: { globals: Object.fromEntries(["process", "console", "setTimeout", "setInterval", "clearInterval", "URL"].map((name) => [name, "readonly"])) },
  },
  // testing/ holds test scaffolding and benchmark corpora: tests and scripts use it, the product never does.
  { files: ["app/**"], rules: forbid("testing") },
  { files: ["components/**"], rules: forbid("app", "db", "testing") },
  { files: ["lib/**"], rules: forbid("app", "components", "testing") },
  { files: ["db/**"], rules: forbid("app", "components", "lib", "testing") },
  { files: ["app/**/*.test.ts"], rules: { "no-restricted-imports": "off" } },
  { files: ["lib/**/*.test.ts"], rules: forbid("app", "components") },
  { files: ["db/**/*.test.ts"], rules: forbid("app", "components", "lib") },
);
