// Command-line options of `npm run simulate`, parsed and checked before anything is sent.
import { parseArgs } from "node:util";
import { DEFAULT_SCALE } from "./network";

export interface SimulateOptions {
  jobs: number;
  url: string;
  days: number;
  seed: number;
  scale: number;
  concurrency: number;
  batchSize: number;
}

export const USAGE = `Streams simulated Heurist mining jobs into the portal through POST /api/v1/jobs.

Usage: npm run simulate -- --jobs <n> [options]
       npx tsx scripts/simulate.ts --jobs <n> [options]

  --jobs <n>          jobs of history to send (required)
  --url <url>         portal base URL (default http://127.0.0.1:3000)
  --days <d>          spread the jobs over the last d days (default 7)
  --seed <n>          job seed; the same seed and window resend the same jobs (default 1)
  --scale <s>         network size, 0 < s ≤ 1 of the real fleet (default ${DEFAULT_SCALE})
  --concurrency <n>   requests in flight (default 4)
  --batch-size <n>    jobs per request, at most 1000 (default 1000)
  -h, --help          show this help

Signs with INGEST_HMAC_SECRET, or with .data/ingest-secret written by the embedded portal.`;

/** Returns the options, or "help"; throws an Error with a readable message on bad input. */
export function parseSimulateArgs(argv: readonly string[]): SimulateOptions | "help" {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      jobs: { type: "string" },
      url: { type: "string", default: "http://127.0.0.1:3000" },
      days: { type: "string", default: "7" },
      seed: { type: "string", default: "1" },
      scale: { type: "string", default: String(DEFAULT_SCALE) },
      concurrency: { type: "string", default: "4" },
      "batch-size": { type: "string", default: "1000" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  if (values.jobs === undefined) throw new Error("--jobs <n> is required (how many jobs to send).");
  const url = values.url;
  if (!/^https?:\/\//.test(url)) throw new Error(`--url must be an http(s) URL, got "${url}".`);
  return {
    jobs: integer("--jobs", values.jobs, 1, 100_000_000),
    url,
    days: number("--days", values.days, (d) => d > 0 && d <= 3650, "a number of days in (0, 3650]"),
    seed: integer("--seed", values.seed, 0, 2 ** 31 - 1),
    scale: number("--scale", values.scale, (s) => s > 0 && s <= 1, "a number in (0, 1]"),
    concurrency: integer("--concurrency", values.concurrency, 1, 64),
    batchSize: integer("--batch-size", values["batch-size"], 1, 1000),
  };
}

function number(flag: string, raw: string, ok: (n: number) => boolean, expected: string): number {
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || !ok(n)) throw new Error(`${flag} must be ${expected}, got "${raw}".`);
  return n;
}

function integer(flag: string, raw: string, min: number, max: number): number {
  return number(flag, raw, (n) => Number.isInteger(n) && n >= min && n <= max, `an integer from ${min} to ${max}`);
}
