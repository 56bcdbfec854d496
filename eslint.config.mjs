import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "zod", message: "Import z from @/lib/chat/zod: it turns off zod's eval, which the pages' CSP forbids." }] },
      ],
    },
  },
  { files: ["lib/chat/zod.ts"], rules: { "no-restricted-imports": "off" } },
  globalIgnores([".next/**", ".next-bench/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
