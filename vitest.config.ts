import { defineConfig } from "vitest/config";

const alias = { "@": import.meta.dirname };

export default defineConfig({
  resolve: { alias },
  test: {
    // 2 cores; the database is the bottleneck, not the runner.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // One fresh database per run (tests/support/global-setup.ts); files share it and
          // create their own rows, so they never depend on each other's data.
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/integration-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Memory-bound tests collect garbage before they measure, so they see what is held.
          execArgv: ["--expose-gc"],
        },
      },
    ],
  },
});
