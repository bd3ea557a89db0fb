// Lint rules: TypeScript's recommended set, the rules of hooks, and jsx-a11y's
// recommended accessibility checks (a cheap first line before axe in the e2e tests).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import { layersPlugin } from "./eslint.layers.js";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
    },
  },
  {
    // One-way layers (eslint.layers.js): routes -> services -> models -> db.
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { layers: layersPlugin },
    rules: { "layers/imports": "error", "layers/transactions-in-services": "error" },
  },
  {
    // Models own SQL: queries (Kysely's query builder and the sql tag) live only in app/models.
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["app/models/**", "app/**/*.test.ts", "app/**/*.test.tsx"],
    plugins: { layers: layersPlugin },
    rules: { "layers/models-own-sql": "error" },
  },
  {
    // Playwright fixtures call a parameter named `use`, which is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["db/migrations/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
