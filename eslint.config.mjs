import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      // npm run build:server's bundles (generated JavaScript of the sources linted here).
      "dist/**",
      "node_modules/**",
      ".data/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "artifacts/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Logs go through lib/log (pino: levels, request and job context, redaction); what a command
  // prints for a person or a script goes through services/terminal.ts. Tests and benchmarks may print.
  {
    files: ["app/**", "lib/**", "components/**", "db/**", "services/**", "scripts/**", "instrumentation.ts"],
    rules: {
      "no-console": ["error"],
    },
  },
);
