// Lint rules: Next's Core Web Vitals set (React, hooks, a11y, Next) plus its
// TypeScript rules. `npm test` runs it; a finding fails the suite.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "react-hooks/exhaustive-deps": "error",
      // `const { dropped: _dropped, ...rest } = value` is how a key is left out.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  globalIgnores(["lib/import/proto/event.js", "lib/import/proto/event.d.ts", ".next/**", "out/**", "build/**", "generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
