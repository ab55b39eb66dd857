// `npm run bench:verify`: `cli verify` full against incremental (decision 0027) on N simulated jobs
// of two closed weeks, in a throwaway PostgreSQL. The baseline is the full verify of the same data
// in the same run. Prints: the full verify; the first incremental run (re-prices both closed weeks
// and stores their digests); then, after M new jobs (late ones of a closed week and this week's),
// the incremental run against the full one over the same ledger.
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { epochOf, epochStart } from "../../lib/rewards/epoch";
import { settleEpoch } from "../../lib/server/epochs/settle";
import { foldAll } from "../../lib/server/rollups/fold";
import { verifyIncremental } from "../../lib/server/verify/incremental";
import { verifyAll, type CheckResult } from "../../lib/server/verify/verify";
import { importFile } from "../cli/import";
import { createNetwork } from "../simulator/network";
import { startBenchDatabase } from "./bench-db";

const { values } = parseArgs({ options: { jobs: { type: "string", default: "1000000" }, new: { type: "string", default: "10000" }, scale: { type: "string", default: "1" } } });
const total = Number(values.jobs);
const fresh = Number(values.new);
const network = createNetwork({ scale: Number(values.scale) });
const A = epochOf(new Date("2024-09-04T00:00:00Z"));

/** Jobs of `epochs` (equal shares), written to a JSONL file 10,000 lines at a time. */
async function jobsFile(dir: string, name: string, count: number, epochs: number[], seed: number): Promise<string> {
  const file = path.join(dir, `${name}.jsonl`);
  const out = createWriteStream(file);
  for (const [i, epoch] of epochs.entries()) {
    const jobs = network.generateJobs({
      count: Math.round(count / epochs.length),
      from: new Date(epochStart(epoch).getTime() + 60_000),
      to: new Date(epochStart(epoch + 1).getTime() - 60_000),
      seed: seed + i,
    });
    const lines: string[] = [];
    for (const job of jobs) {
      lines.push(JSON.stringify(job));
      if (lines.length === 10_000 && !out.write(lines.splice(0).join("\n") + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
    }
    if (lines.length) out.write(lines.join("\n") + "\n");
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return file;
}

async function timed<T>(what: string, run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  process.stdout.write(`  ${what}… `);
  const started = performance.now();
  const value = await run();
  const seconds = (performance.now() - started) / 1000;
  console.log(`${seconds.toFixed(1)} s`);
  return { value, seconds };
}

function assertClean(results: CheckResult[]): void {
  const bad = results.filter((r) => r.mismatches > 0);
  if (bad.length) throw new Error(`verify found mismatches: ${bad.map((r) => `${r.name}: ${r.examples[0]}`).join("; ")}`);
}

async function main() {
  const db = await startBenchDatabase({ settings: { max_wal_size: "4GB", checkpoint_timeout: "30min" } });
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-verify-"));
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  try {
    console.log(
      `${total.toLocaleString("en-US")} jobs in epochs ${A} and ${A + 1} (${network.gpus.length.toLocaleString("en-US")} GPUs), then ${fresh.toLocaleString("en-US")} new ones`,
    );
    await timed("import and fold", async () => {
      await importFile(pool, { file: await jobsFile(dir, "closed", total, [A, A + 1], 1), quiet: true });
      await foldAll(pool);
      for (const e of [A, A + 1]) await settleEpoch(pool, e, epochStart(A + 2));
      await pool.query("VACUUM ANALYZE");
    });
    const countEntries = async () => Number((await pool.query<{ n: string }>("SELECT count(*)::text AS n FROM ledger_entries")).rows[0]!.n);
    const before = await countEntries();
    const full1 = await timed("full verify", () => verifyAll(pool));
    assertClean(full1.value);
    const first = await timed("incremental, first run (re-prices both weeks, stores digests)", () => verifyIncremental(pool));
    assertClean(first.value.results);
    await timed(`import and fold ${fresh.toLocaleString("en-US")} new jobs`, async () => {
      await importFile(pool, { file: await jobsFile(dir, "new", fresh, [A, A + 2], 3), quiet: true });
      await foldAll(pool);
      await pool.query("VACUUM ANALYZE");
    });
    const full2 = await timed("full verify", () => verifyAll(pool));
    assertClean(full2.value);
    const steps: { step: string; at: number }[] = [];
    const next = await timed("incremental, next run", () =>
      verifyIncremental(pool, { onProgress: (step) => void (step !== "ledger" && steps.push({ step, at: performance.now() })) }),
    );
    steps.push({ step: "(end)", at: performance.now() });
    const rollupRows = next.value.results.filter((r) => !r.name.startsWith("ledger") && !r.name.startsWith("jobs") && !r.name.startsWith("admin") && !r.name.startsWith("boost"));
    console.log(`    rollup rows it digested: ${rollupRows.map((r) => `${r.name} ${r.checked.toLocaleString("en-US")}`).join(", ")}`);
    console.log(
      `    its steps: ${steps
        .slice(0, -1)
        .map((s, i) => `${s.step} ${((steps[i + 1]!.at - s.at) / 1000).toFixed(1)} s`)
        .join("; ")}`,
    );
    assertClean(next.value.results);
    if (next.value.reused.epochs.length !== 2) throw new Error(`expected both closed epochs from their digests, got ${next.value.reused.epochs}`);
    const after = await countEntries();
    console.log(`\n| run | ledger entries | entries re-priced | seconds | of the full verify |\n|---|---|---|---|---|`);
    const row = (what: string, entries: number, results: CheckResult[], s: number, base: number) =>
      console.log(`| ${what} | ${entries.toLocaleString("en-US")} | ${results[0]!.checked.toLocaleString("en-US")} | ${s.toFixed(1)} | ${((100 * s) / base).toFixed(1)} % |`);
    row("full, before the new jobs (baseline)", before, full1.value, full1.seconds, full1.seconds);
    row("incremental, first run", before, first.value.results, first.seconds, full1.seconds);
    row("full, after them (baseline)", after, full2.value, full2.seconds, full2.seconds);
    row("incremental, next run", after, next.value.results, next.seconds, full2.seconds);
  } finally {
    await pool.end();
    db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
