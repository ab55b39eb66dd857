// `npm run bench:import`: `cli import` of N simulated jobs (a JSONL file, the full-scale network,
// NFTs, boost slots and stakes in force) into a throwaway PostgreSQL, against the COPY ceiling
// measured in the same run (the same jobs COPYed into a bare table: ./copy-ceiling.ts, as
// bench:ingest). Prints jobs/s and the ratio to COPY, the CPU seconds per 1,000 jobs of the
// importing process and of PostgreSQL, what reading and validating the file costs Node alone (the
// import's read-ahead without writing), and how long the worker's folder then takes.
import { startBenchDatabase } from "./bench-db";
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyChainLogs } from "../../lib/server/chain/apply";
import { foldAll } from "../../lib/server/rollups/fold";
import { DEFAULT_CHUNK_JOBS, importFile, readChunks } from "../cli/import";
import { planChainSeed } from "../simulator/chain-seed";
import { chainSeedLogs } from "../simulator/chain-seed-logs";
import { createNetwork } from "../simulator/network";
import { ceilingCsvLine, copyFileSeconds } from "./copy-ceiling";
import { median } from "./measure";
import { CpuMeter, describeWaits, loadAverages, postmasterPid, sampleWaits } from "./observe";

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: "1000000" },
    runs: { type: "string", default: "1" },
    chunk: { type: "string", default: String(DEFAULT_CHUNK_JOBS) },
    scale: { type: "string", default: "1" },
    keep: { type: "boolean", default: false }, // keep the generated files (printed) instead of deleting them
    statements: { type: "boolean", default: false }, // pg_stat_statements: where PostgreSQL's time went, per statement
  },
});
const total = Number(values.jobs);
const runs = Number(values.runs);
const chunkSize = Number(values.chunk);
const scale = Number(values.scale);

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((r) => out.once("drain", () => r()));
}

async function close(out: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** N jobs of the network over the 7 days before `to`, written to a JSONL file and to the ceiling's CSV in one pass. */
async function generate(network: ReturnType<typeof createNetwork>, dir: string, run: number, from: Date, to: Date): Promise<{ jsonl: string; csv: string }> {
  const jsonl = path.join(dir, `jobs-${run}.jsonl`);
  const csv = path.join(dir, `jobs-${run}.csv`);
  const a = createWriteStream(jsonl);
  const b = createWriteStream(csv, { mode: 0o644 });
  let lines: string[] = [];
  let rows: string[] = [];
  for (const job of network.generateJobs({ count: total, from, to, seed: 9100 + run })) {
    lines.push(JSON.stringify(job));
    rows.push(ceilingCsvLine(job));
    if (lines.length === 10_000) {
      await write(a, lines.join("\n") + "\n");
      await write(b, rows.join("\n") + "\n");
      lines = [];
      rows = [];
    }
  }
  if (lines.length) {
    await write(a, lines.join("\n") + "\n");
    await write(b, rows.join("\n") + "\n");
  }
  await Promise.all([close(a), close(b)]);
  return { jsonl, csv };
}

/** Reading, parsing, validating and base-pricing the whole file as the import does, without writing: Node's share alone. */
async function nodeOnlySeconds(file: string): Promise<number> {
  const started = performance.now();
  let jobs = 0;
  for await (const chunk of readChunks(file, "jsonl", { offset: 0, line: 0 }, Infinity, chunkSize)) jobs += chunk.jobs.length;
  if (jobs !== total) throw new Error(`read ${jobs} valid jobs, expected ${total}`);
  return (performance.now() - started) / 1000;
}

/** The import's statements by total execution time, in µs per imported job (reads, dirtied blocks, I/O wait). */
async function printStatements(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ q: string; calls: string; ms: number; io: number; read: string; dirtied: string }>(
    `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS q, calls::text, total_exec_time AS ms, shared_blk_read_time + shared_blk_write_time AS io,
            shared_blks_read::text AS read, shared_blks_dirtied::text AS dirtied
       FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT 12`,
  );
  console.log("\n| statement | calls | µs per job | of which I/O | blocks read | dirtied |\n|---|---|---|---|---|---|");
  for (const r of rows)
    console.log(`| \`${r.q.replaceAll("|", "\\|")}\` | ${r.calls} | ${((1000 * r.ms) / total).toFixed(1)} | ${((1000 * r.io) / total).toFixed(1)} | ${r.read} | ${r.dirtied} |`);
}

interface RunResult {
  load: string;
  importRate: number;
  copyRate: number;
  nodeOnlyRate: number;
  foldSeconds: number;
  cpu: CpuMeter;
  waits: string;
}

async function main() {
  const db = await startBenchDatabase({ settings: { max_wal_size: "4GB", checkpoint_timeout: "30min" }, statements: values.statements });
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  try {
    const appUrl = db.url;
    const pgPid = await postmasterPid(appUrl);
    const pool = new pg.Pool({ connectionString: appUrl, max: 2 });

    const to = new Date();
    const from = new Date(to.getTime() - 7 * 86_400_000);
    const network = createNetwork({ scale });
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await applyChainLogs(client, chainSeedLogs(planChainSeed(network, { days: 8 }), from));
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    console.log(`${network.gpus.length.toLocaleString()} GPUs in ${network.wallets.length.toLocaleString()} wallets (scale ${scale}); NFTs and stakes from the chain seed plan`);

    const results: RunResult[] = [];
    for (let r = 0; r < runs; r++) {
      console.log(`Run ${r + 1}/${runs}: generating ${total.toLocaleString()} jobs…`);
      const files = await generate(network, dir, r, from, to);
      const nodeOnly = await nodeOnlySeconds(files.jsonl);
      const load = loadAverages();
      const cpu = new CpuMeter();
      if (values.statements) await pool.query("SELECT pg_stat_statements_reset()");
      const end = cpu.begin({ PostgreSQL: [pgPid] });
      const sampler = sampleWaits(appUrl);
      const s = await importFile(pool, { file: files.jsonl, chunkSize });
      end();
      const waits = describeWaits(await sampler.stop());
      if (s.run.created !== total) throw new Error(`imported ${s.run.created} jobs, expected ${total}`);
      if (values.statements) await printStatements(pool);
      const foldStarted = performance.now();
      await foldAll(pool);
      const foldSeconds = (performance.now() - foldStarted) / 1000;
      const copy = await copyFileSeconds(appUrl, files.csv);
      results.push({ load, importRate: total / (s.elapsedMs / 1000), copyRate: total / copy, nodeOnlyRate: total / nodeOnly, foldSeconds, cpu, waits });
      if (!values.keep) rmSync(files.jsonl);
      rmSync(files.csv);
    }
    await pool.end();

    console.log(
      `\n${runs} run(s) of ${total.toLocaleString()} jobs, chunks of ${chunkSize.toLocaleString()}; ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB\n`,
    );
    console.log(
      "| run | load avg before (1/5/15 min) | cli import | COPY ceiling | import ÷ COPY | Node alone (read + validate) | CPU s per 1,000 jobs: importing process / PostgreSQL | fold afterwards |",
    );
    console.log("|---|---|---|---|---|---|---|---|");
    results.forEach((x, i) => {
      const per = (sec: number) => ((1000 * sec) / total).toFixed(3);
      console.log(
        `| ${i + 1} | ${x.load} | ${Math.round(x.importRate).toLocaleString()} jobs/s | ${Math.round(x.copyRate).toLocaleString()} rows/s | ${((100 * x.importRate) / x.copyRate).toFixed(1)} % | ${Math.round(x.nodeOnlyRate).toLocaleString()} jobs/s | ${per(x.cpu.seconds["bench client"] ?? 0)} / ${per(x.cpu.seconds.PostgreSQL ?? 0)} | ${x.foldSeconds.toFixed(1)} s |`,
      );
    });
    console.log("\nPostgreSQL's active client backends during the import (sampled every 200 ms):");
    results.forEach((x, i) => console.log(`- run ${i + 1}: ${x.waits}`));
    if (runs > 1) {
      const imp = median(results.map((x) => x.importRate));
      const cop = median(results.map((x) => x.copyRate));
      console.log(`\nmedian: ${Math.round(imp).toLocaleString()} jobs/s, ${((100 * imp) / cop).toFixed(1)} % of COPY (${Math.round(cop).toLocaleString()} rows/s)`);
    }
    if (values.keep) console.log(`\nfiles kept in ${dir}`);
  } finally {
    db.stop();
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
