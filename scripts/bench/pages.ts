// `npm run bench:pages`: JavaScript each page sends (gzipped) and Lighthouse mobile performance,
// on the production build with a simulated network that includes a wallet of ~2,500 GPUs.
import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import pg from "pg";
import { applyMigrations } from "../../prisma/migrate";
import { ensureBuild } from "../lib/next-build";
import { startBackground, stopGroup } from "../lib/processes";
import { startThrowawayPostgres } from "../lib/throwaway-postgres";
import { startBenchServer } from "./bench-server";
import { createNetwork } from "../simulator/network";
import { postJobs } from "../simulator/post-batches";
import { buildSnapshots } from "./build-snapshots";

const root = path.resolve(import.meta.dirname, "../..");
// Benchmarks build into their own folder so a running `next dev` (which uses .next) is left alone.
process.env.NEXT_DIST_DIR ??= ".next-bench";
const SECRET = "bench-pages-secret-0123456789";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const { values } = parseArgs({ options: { lighthouse: { type: "boolean", default: true }, runs: { type: "string", default: "3" } }, allowNegative: true });

async function jsBytes(url: string): Promise<{ raw: number; gzip: number; files: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.slice(1) });
  try {
    const page = await browser.newPage();
    const bodies: Promise<Buffer>[] = [];
    page.on("response", (res) => {
      if (res.request().resourceType() === "script") bodies.push(res.body());
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(1500);
    const all = await Promise.all(bodies);
    return { raw: all.reduce((n, b) => n + b.length, 0), gzip: all.reduce((n, b) => n + gzipSync(b).length, 0), files: all.length };
  } finally {
    await browser.close();
  }
}

function lighthouseScore(url: string): number {
  const res = spawnSync(
    "npx",
    [
      "-y",
      "lighthouse@12.8.2",
      url,
      `--chrome-path=${CHROMIUM}`,
      "--only-categories=performance",
      "--form-factor=mobile",
      "--output=json",
      "--quiet",
      `--chrome-flags=${FLAGS.join(" ")}`,
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (res.status !== 0) throw new Error(`lighthouse failed: ${res.stderr.slice(-500)}`);
  return Math.round(JSON.parse(res.stdout).categories.performance.score * 100);
}

async function main() {
  await ensureBuild(root);
  const db = await startThrowawayPostgres();
  let server: ReturnType<typeof startBackground> | undefined;
  try {
    await applyMigrations(db.url);
    let base: string;
    ({ base, server } = await startBenchServer(root, { DATABASE_URL: db.url, INGEST_HMAC_SECRET: SECRET }));
    const now = new Date();
    const jobs = createNetwork({ scale: 0.05 }).generateJobs({ count: 30_000, from: new Date(now.getTime() - 7 * 86_400_000), to: now, seed: 7 });
    await postJobs({ url: base, secret: SECRET, jobs, concurrency: 4 });
    // What the worker would have built by now: the market, leaderboards, GPU throughput (pages only read them).
    await buildSnapshots(root, db.url);
    const client = new pg.Client(db.url);
    await client.connect();
    const whale = (await client.query("SELECT wallet, count(*)::int AS n FROM nodes GROUP BY wallet ORDER BY 2 DESC LIMIT 1")).rows[0];
    const miner = (await client.query("SELECT miner_id FROM nodes WHERE wallet = $1 LIMIT 1", [whale.wallet])).rows[0].miner_id;
    await client.end();

    const pages = [
      ["/", 220],
      ["/estimate", 180],
      ["/gpus", null],
      ["/market", null],
      [`/wallets/${whale.wallet}`, null],
      [`/miners/${miner}`, null],
    ] as const;
    console.log(
      `\nLargest wallet: ${whale.n} GPUs.\n\n| page | JS files | JS raw | JS gzipped | budget | Lighthouse mobile (median of ${values.runs}) |\n|---|---|---|---|---|---|`,
    );
    for (const [p, budget] of pages) {
      const js = await jsBytes(base + p);
      const lhTarget = p === "/" || p === "/estimate" || p.startsWith("/wallets/");
      let lh = "–";
      if (values.lighthouse && lhTarget) {
        const scores = Array.from({ length: Number(values.runs) }, () => lighthouseScore(base + p)).sort((a, b) => a - b);
        lh = `${scores[Math.floor(scores.length / 2)]} (${scores.join(", ")})`;
      }
      const label = p.startsWith("/wallets/") ? "/wallets/[2,500-GPU wallet]" : p.startsWith("/miners/") ? "/miners/[id]" : p;
      console.log(`| ${label} | ${js.files} | ${(js.raw / 1024).toFixed(0)} KB | ${(js.gzip / 1024).toFixed(1)} KB | ${budget ? `≤ ${budget} KB` : "–"} | ${lh} |`);
    }
  } finally {
    stopGroup(server);
    db.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
