// `npm run test:all`: everything CI checks, on a fresh machine. Installs a PostgreSQL server from
// Debian's packages when none is present, generates the Prisma client, then runs the type check,
// lint, unit tests and integration tests (real Postgres), and ends with one plain summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findPostgresBin } from "./lib/throwaway-postgres";

const root = path.resolve(import.meta.dirname, "..");

function step(title: string, cmd: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n━━ ${title}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (res.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${res.status ?? res.signal}).`);
    process.exit(res.status ?? 1);
  }
}

function ensurePostgres(): void {
  if (process.env.TEST_DATABASE_URL) return;
  try {
    findPostgresBin();
    return;
  } catch {
    // fall through to install
  }
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) {
    console.error("No PostgreSQL server found. Install one (Debian: apt-get install -y postgresql) or set TEST_DATABASE_URL.");
    process.exit(1);
  }
  step("Installing PostgreSQL from Debian's packages", "bash", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null"]);
  // The Debian package starts a cluster of its own; the tests start their own throwaway ones.
  spawnSync("bash", ["-c", "service postgresql stop >/dev/null 2>&1 || true"]);
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

function main(): void {
  ensurePostgres();
  step("Generating the Prisma client", "npx", ["prisma", "generate"], { PRISMA_SCHEMA_ENGINE_BINARY: process.execPath });
  step("Type check", "npx", ["tsc", "--noEmit", "-p", "."]);
  step("Lint", "npx", ["eslint", "--max-warnings", "0", "."]);

  const reportDir = mkdtempSync(path.join(os.tmpdir(), "heurist-vitest-"));
  const report = path.join(reportDir, "report.json");
  console.log("\n━━ Unit and integration tests (real PostgreSQL)");
  const res = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], {
    cwd: root,
    stdio: "inherit",
  });
  if (!existsSync(report)) {
    console.error("Vitest wrote no report; it did not run.");
    process.exit(res.status || 1);
  }
  const r = JSON.parse(readFileSync(report, "utf8")) as VitestReport;
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`);
  if (res.status !== 0 || r.numFailedTests > 0 || r.numPassedTests === 0) process.exit(res.status || 1);
}

main();
