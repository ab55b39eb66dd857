// `npm run simulate -- --jobs <n>`: fills the portal with realistic history through the real
// ingestion path (signed HTTP batches), then prints what the server accepted.
// Also exports startLiveSimulation for the portal launcher's live job stream.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Presets, SingleBar } from "cli-progress";
import { USAGE, parseSimulateArgs, type SimulateOptions } from "./simulator/cli-options";
import { createNetwork } from "./simulator/network";
import { IngestRejectedError, postJobs, type PostSummary } from "./simulator/post-batches";
import { resolveIngestSecret } from "./simulator/secret";

export { startLiveSimulation, type LiveSimulation, type LiveSimulationOptions } from "./simulator/live";

const DAY_MS = 86_400_000;

export async function runSimulation(options: SimulateOptions, secret: string): Promise<PostSummary & { points: Record<"waifu" | "llama", number>; zero: number }> {
  const network = createNetwork({ scale: options.scale });
  const to = new Date();
  const from = new Date(to.getTime() - options.days * DAY_MS);
  const jobs = network.generateJobs({ count: options.jobs, from, to, seed: options.seed });
  console.log(
    `Network: ${network.wallets.length.toLocaleString("en-US")} wallets, ${network.gpus.length.toLocaleString("en-US")} GPUs (scale ${options.scale}). ` +
      `Sending ${options.jobs.toLocaleString("en-US")} jobs from ${from.toISOString()} to ${to.toISOString()} → ${options.url}`,
  );

  const bar = new SingleBar({ format: " {bar} {percentage}% | {value}/{total} jobs | {rate} jobs/s | ETA {eta_formatted}", hideCursor: true }, Presets.shades_classic);
  const started = performance.now();
  const points = { waifu: 0, llama: 0 };
  let zero = 0;
  bar.start(options.jobs, 0, { rate: "0" });
  try {
    const summary = await postJobs({
      url: options.url,
      secret,
      jobs,
      batchSize: options.batchSize,
      concurrency: options.concurrency,
      onBatch: ({ jobs: n, result }) => {
        for (const r of result.results) {
          points[r.pointType] += r.points;
          if (r.points === 0) zero++;
        }
        const done = bar.getProgress() * options.jobs + n;
        bar.increment(n, { rate: Math.round(done / ((performance.now() - started) / 1000)).toLocaleString("en-US") });
      },
    });
    return { ...summary, points, zero };
  } finally {
    bar.stop();
  }
}

function printSummary(s: Awaited<ReturnType<typeof runSimulation>>): void {
  const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
  const seconds = s.elapsedMs / 1000;
  console.log(
    [
      `Created     ${fmt(s.created)}`,
      `Duplicates  ${fmt(s.duplicates)} (already ingested; resending is a no-op)`,
      `Zero-point  ${fmt(s.zero)} (failed, timed out, below the floor or disabled)`,
      `Points      ${fmt(s.points.waifu, 2)} Waifu, ${fmt(s.points.llama, 2)} Llama`,
      `Requests    ${fmt(s.batches)} batches, ${fmt(s.retries)} retries`,
      `Elapsed     ${seconds.toFixed(1)} s, ${fmt(s.jobs / Math.max(seconds, 0.001))} jobs/s`,
    ].join("\n"),
  );
}

async function main(argv: readonly string[]): Promise<number> {
  let options: SimulateOptions | "help";
  try {
    options = parseSimulateArgs(argv);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  try {
    printSummary(await runSimulation(options, resolveIngestSecret()));
    return 0;
  } catch (err) {
    if (err instanceof IngestRejectedError) console.error(`\n${err.message}`);
    else console.error(`\nSimulation failed: ${(err as Error).message}`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
