// `npm run test:all`: everything CI checks, on a fresh machine. Installs a PostgreSQL server from
// Debian's packages when none is present, generates the Prisma client, then runs the type check,
// lint and the format check beside the production build (once: the reliability and end-to-end tests share it), unit tests,
// integration tests (real Postgres) and end-to-end tests (real Chromium against the production
// build), and ends with one plain summary line. Each phase reports its wall time (docs/TESTING.md).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureTestBuild } from "../tests/support/production-build";
import { findPostgresBin } from "./lib/throwaway-postgres";

const root = path.resolve(import.meta.dirname, "..");
const started = performance.now();

function took(since: number): string {
  return `${Math.round((performance.now() - since) / 1000)} s`;
}

function step(title: string, cmd: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n━━ ${title}`);
  const t = performance.now();
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (res.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${res.status ?? res.signal}).`);
    process.exit(res.status ?? 1);
  }
  console.log(`(${title}: ${took(t)})`);
}

/** A check run beside others: its output is kept and printed whole when it ends, not interleaved. */
function check(title: string, cmd: string, args: string[]): Promise<{ title: string; ok: boolean; output: string; took: string }> {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(cmd, args, { cwd: root, env: process.env });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", (err) => resolve({ title, ok: false, output: `${output}${err.message}`, took: took(t) }));
    child.on("close", (code) => resolve({ title, ok: code === 0, output, took: took(t) }));
  });
}

/** The tests' PostgreSQL is the embedded default's binaries (npm installed them), or TEST_DATABASE_URL's server. */
function ensurePostgres(): void {
  if (process.env.TEST_DATABASE_URL) return;
  try {
    findPostgresBin();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}

function ensureChromium(): void {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(chromium)) return;
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) {
    console.error(`No Chromium at ${chromium}. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  step("Installing Chromium from Debian's packages", "bash", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null"]);
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

async function main(): Promise<void> {
  ensurePostgres();
  step("Generating the Prisma client", "npm", ["run", "--silent", "db:generate"]);
  // The static checks and the production build run at once (2 cores: about a minute saved). The
  // build skips Next's own type check (BUILD_SKIP_TYPECHECK): `tsc` checks the same tree beside it.
  console.log("\n━━ Type check, lint and format check, beside the production build (shared by the reliability and end-to-end tests)");
  let t = performance.now();
  process.env.BUILD_SKIP_TYPECHECK = "1";
  const build = ensureTestBuild().then(
    () => null,
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );
  const checks = await Promise.all([
    check("Type check", "npx", ["tsc", "--noEmit", "-p", "."]),
    check("Lint", "npx", ["eslint", "--max-warnings", "0", "."]),
    check("Format (Prettier; `npm run format` rewrites)", "npx", ["prettier", "--check", "--log-level", "warn", "."]),
  ]);
  const buildError = await build;
  delete process.env.BUILD_SKIP_TYPECHECK;
  for (const c of checks) {
    console.log(`\n━━ ${c.title}${c.output.trim() ? `\n${c.output.trimEnd()}` : ""}\n(${c.title}: ${c.ok ? "passed" : "FAILED"}, ${c.took})`);
  }
  if (buildError !== null) console.error(`\n✗ Production build failed: ${buildError}`);
  const failedChecks = checks.filter((c) => !c.ok).map((c) => c.title);
  if (failedChecks.length > 0) console.error(`\n✗ ${failedChecks.join(", ")} failed.`);
  if (failedChecks.length > 0 || buildError !== null) process.exit(1);
  console.log(`(Checks and production build: ${took(t)})`);

  const reportDir = mkdtempSync(path.join(os.tmpdir(), "heurist-vitest-"));
  const report = path.join(reportDir, "report.json");
  console.log("\n━━ Unit and integration tests (real PostgreSQL)");
  t = performance.now();
  const res = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], {
    cwd: root,
    stdio: "inherit",
  });
  if (!existsSync(report)) {
    console.error("Vitest wrote no report; it did not run.");
    process.exit(res.status || 1);
  }
  const r = JSON.parse(readFileSync(report, "utf8")) as VitestReport;
  console.log(`\nUnit and integration: ${r.numPassedTests} passed, ${r.numFailedTests} failed (${took(t)})`);
  if (res.status !== 0 || r.numFailedTests > 0 || r.numPassedTests === 0) process.exit(res.status || 1);

  ensureChromium();
  console.log("\n━━ End-to-end tests (production build, real PostgreSQL, Debian Chromium)");
  const e2eReport = path.join(reportDir, "e2e.json");
  t = performance.now();
  const e2e = spawnSync("npx", ["playwright", "test"], { cwd: root, stdio: "inherit", env: { ...process.env, E2E_JSON_REPORT: e2eReport } });
  if (!existsSync(e2eReport)) {
    console.error("Playwright wrote no report; it did not run.");
    process.exit(e2e.status || 1);
  }
  const { stats } = JSON.parse(readFileSync(e2eReport, "utf8")) as PlaywrightReport;
  console.log(`(End-to-end tests: ${took(t)}; the whole run: ${took(started)})`);
  const passed = r.numPassedTests + stats.expected + stats.flaky;
  const failed = r.numFailedTests + stats.unexpected;
  const skipped = r.numPendingTests + r.numTodoTests + stats.skipped;
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  if (e2e.status !== 0 || failed > 0) process.exit(e2e.status || 1);
}

await main();
