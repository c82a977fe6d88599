import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";

// ESLint keeps only the last `no-restricted-syntax` that applies to a file, so the app/ block at
// the end repeats this process.env rule beside its own.
const noProcessEnvDestructuring = {
  selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']",
  message: "Read configuration with config() from @/lib/config.",
};

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
  // Type-aware rules: the mistakes types can see and tests rarely do — a promise nobody awaits
  // (its failure vanishes, or lands after the response), a promise where a callback's result is
  // ignored (node:http, timers, signal listeners), checks the types say can never change.
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/require-await": "error",
      "@typescript-eslint/no-unnecessary-condition": "error",
    },
  },
  {
    files: ["tests/**"],
    rules: {
      // Stand-ins for async dependencies are naturally `async () => value`.
      "@typescript-eslint/require-await": "off",
      // Teardown guards (`afterAll(() => server?.close())`) protect against a beforeAll that
      // failed before assigning: the types say assigned, the guard is right anyway.
      "@typescript-eslint/no-unnecessary-condition": "off",
    },
  },
  {
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Configuration is read in one place: lib/config declares every variable (zod: type, default,
  // meaning; README and .env.example follow it) and is the only code touching process.env.
  {
    ignores: [
      "lib/config/**",
      // Test-only settings (E2E_PORT, CHROMIUM_PATH, BENCH_*) and tests that set variables for
      // the code under test, or build a child's environment: not the portal's configuration.
      "tests/**",
      "bench/**",
      "playwright.config.ts",
      "vitest.config.ts",
    ],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message:
            "Read configuration with config() from @/lib/config (declare new variables in lib/config/variables.ts); set variables through lib/config/environment.ts.",
        },
      ],
      "no-restricted-syntax": ["error", noProcessEnvDestructuring],
    },
  },
  // Client components never read configuration (it would ship server settings to the browser).
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/config", "@/lib/config/*"],
              message:
                "Client code reads no configuration: pass what it needs as props from a server component.",
            },
          ],
        },
      ],
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
  // app/ is routes only: pages, layouts, route handlers and thin actions call lib/<domain>/,
  // which owns every query — so each is scoped by the policy module and tested where it lives.
  // A page may hold the database handle (getDb) to pass it to lib/, and the value lists of
  // db/schema/enums; it may not build a query.
  {
    files: ["app/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/db/client",
              importNames: ["getPool"],
              message: "No SQL in app/: write a function in lib/<domain>/ and call it.",
            },
          ],
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*", "pg", "pg-*"],
              message: "No drizzle or SQL in app/: write a function in lib/<domain>/ and call it.",
            },
            {
              regex: "^@/db/(?!client$|schema/enums$)",
              allowTypeImports: true,
              message: "No tables in app/: the query goes in lib/<domain>/ (types may be imported).",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        noProcessEnvDestructuring,
        {
          selector: "TaggedTemplateExpression[tag.name='sql']",
          message: "No SQL in app/: write a function in lib/<domain>/ and call it.",
        },
        {
          selector:
            "MemberExpression[object.name=/^(db|tx)$/][property.name=/^(select|selectDistinct|selectDistinctOn|insert|update|delete|execute|query|transaction|\\$count|\\$with|with)$/]",
          message: "No queries in app/: pass the handle to a function in lib/<domain>/ instead.",
        },
        {
          selector: "MemberExpression[object.type='CallExpression'][object.callee.name='getDb']",
          message: "No queries in app/: pass getDb() to a function in lib/<domain>/ instead.",
        },
      ],
    },
  },
);
