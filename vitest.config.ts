import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: `${root}$1` },
      // `server-only` throws outside a React Server Components bundle; tests run server code directly.
      { find: /^server-only$/, replacement: `${root}tests/support/empty.ts` },
    ],
  },
  test: {
    // Vitest groups projects by worker count and runs the groups in turn: integration (two files at
    // a time) first, then unit, chain and reliability one file at a time, as before.
    projects: [
      {
        extends: true,
        // One worker, the default on two cores: a few simulator tests take seconds of CPU each.
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"], environment: "node", maxWorkers: 1 },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file has its own database (tests/support/setup-env.ts): two at a time on two cores.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: "chain",
          include: ["contracts/**/*.test.ts"],
          environment: "node",
          globalSetup: ["contracts/test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // Crash (SIGKILL under load) and bad-input (fast-check) tests: a production build and
        // tens of thousands of requests, so minutes rather than seconds.
        extends: true,
        test: {
          name: "reliability",
          include: ["tests/reliability/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/reliability/global-setup.ts"],
          setupFiles: ["tests/reliability/setup-env.ts"],
          testTimeout: 300_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
