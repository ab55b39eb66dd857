// The tables `npm run bench:ingest` prints: one row per configuration, where the CPU went, what
// PostgreSQL waited on, and the ratio of each server count to the first.
import os from "node:os";
import { median } from "./measure";
import type { CpuMeter } from "./observe";

export interface ConfigResult {
  servers: number;
  http: number[];
  copy: number[];
  loads: string[];
  peakRssMb: number;
  cpu: CpuMeter;
  waits: string;
  tasks: string;
  /** Fold lag samples (s) during the HTTP runs; empty without a worker. */
  foldLag: number[];
  /** Seconds after each run until nothing waited to be folded (null: not within 2 min). */
  foldDrain: (number | null)[];
}

export function report(results: ConfigResult[], counts: { jobs: number; ledger: number }, o: { runs: number; total: number; concurrency: number; worker: boolean }): void {
  const { runs, total, concurrency } = o;
  const w = o.worker ? " + worker" : "";
  console.log(
    `\n${runs} run(s) of ${total.toLocaleString()} jobs per configuration, batches of 1,000, ${concurrency} in flight in all (dealt round-robin over the servers)${o.worker ? ", the worker running beside them" : ", no worker"}; ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB\n`,
  );
  console.log(
    "| configuration | load avg before each run (1/5/15 min) | HTTP ingest (median) | runs (jobs/s) | COPY ceiling (median) | HTTP ÷ COPY | servers' peak RSS (sum) | worker tasks during the HTTP runs |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const http = median(r.http);
    const copy = median(r.copy);
    console.log(
      `| ${r.servers} server${r.servers === 1 ? "" : "s"}${w} | ${r.loads.join("; ")} | ${Math.round(http).toLocaleString()} jobs/s | ${r.http.map((x) => Math.round(x)).join(", ")} | ${Math.round(copy).toLocaleString()} rows/s | ${((100 * http) / copy).toFixed(1)} % | ${Math.round(r.peakRssMb)} MB | ${r.tasks} |`,
    );
  }
  console.log("\nCPU seconds per 1,000 jobs during the HTTP runs, and the machine's busy share of all its cores:\n");
  console.log("| configuration | servers | PostgreSQL | worker | bench client | machine busy: all (this benchmark / other processes) |");
  console.log("|---|---|---|---|---|---|");
  for (const r of results) {
    const per = (s: number) => ((1000 * s) / (runs * total)).toFixed(3);
    const names = ["servers", "PostgreSQL", "worker", "bench client"];
    const ours = names.reduce((s, g) => s + (r.cpu.seconds[g] ?? 0), 0);
    const pct = (s: number) => `${Math.round((100 * s) / r.cpu.machineTotal)} %`;
    console.log(
      `| ${r.servers} server${r.servers === 1 ? "" : "s"}${w} | ${names.map((g) => per(r.cpu.seconds[g] ?? 0)).join(" | ")} | ${pct(r.cpu.machineBusy)} (${pct(ours)} / ${pct(r.cpu.machineBusy - ours)}) |`,
    );
  }
  if (o.worker) {
    console.log("\nFold lag (age of the oldest rollup delta waiting for the worker, sampled every 500 ms during the HTTP runs), and the time to fold everything after each run:\n");
    for (const r of results) {
      const s = [...r.foldLag].sort((a, b) => a - b);
      const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!.toFixed(1) : "–");
      console.log(
        `- ${r.servers} server${r.servers === 1 ? "" : "s"}${w}: p50 ${q(50)} s, p95 ${q(95)} s, max ${q(100)} s; folded ${r.foldDrain.map((d) => (d === null ? "not within 2 min" : `${d.toFixed(1)} s`)).join(", ")} after the runs`,
      );
    }
  }
  console.log("\nPostgreSQL's active client backends during the HTTP runs (sampled every 200 ms):");
  for (const r of results) console.log(`- ${r.servers} server${r.servers === 1 ? "" : "s"}${w}: ${r.waits}`);
  const distinct = [...new Set(results.map((r) => r.servers))];
  if (distinct.length > 1) {
    const rate = (n: number) => median(results.filter((r) => r.servers === n).flatMap((r) => r.http));
    for (const n of distinct.slice(1))
      console.log(
        `\n${n} servers ÷ ${distinct[0]}: ${((100 * rate(n)) / rate(distinct[0]!)).toFixed(0)} % (medians of every run of each: ${Math.round(rate(n))} vs ${Math.round(rate(distinct[0]!))} jobs/s)`,
      );
  }
  console.log(`\nrows written: jobs ${counts.jobs} / ledger ${counts.ledger} (expected ${results.length * runs * total} each)`);
}
