import "server-only";
import type { PricedJob } from "@/lib/points";
import type { PreparedJob } from "./prepare-jobs";

export interface PricedRow {
  prepared: PreparedJob;
  priced: PricedJob;
  nftCount: number;
  stakeHeu: number;
}

export interface Delta {
  waifu: number;
  llama: number;
  images: number;
  texts: number;
  jobs: number;
  successes: number;
  latencyMs: number;
}

const HOUR_MS = 3_600_000;

const hourLabels = new Map<number, string>();

/** ISO start of the UTC hour; memoized because a batch spans few hours and ISO formatting is slow. */
export function hourStart(at: Date): string {
  const hour = Math.floor(at.getTime() / HOUR_MS);
  let label = hourLabels.get(hour);
  if (label === undefined) {
    if (hourLabels.size > 10_000) hourLabels.clear();
    hourLabels.set(hour, (label = new Date(hour * HOUR_MS).toISOString()));
  }
  return label;
}

function emptyDelta(): Delta {
  return { waifu: 0, llama: 0, images: 0, texts: 0, jobs: 0, successes: 0, latencyMs: 0 };
}

/** One rollup row of a batch: its key columns, kept apart (never joined into one string and split again), and its sums. */
export interface RollupRow {
  parts: readonly string[];
  delta: Delta;
}

/**
 * The map key of a row: every part but the last prefixed with its length ("3:abc" + ...), a prefix
 * code, so two different tuples never share a key whatever text they hold (a separator can be
 * forged by the text; a length cannot). Only ever used to find and order rows, never parsed: the
 * columns are written from `parts`. A template string, not JSON.stringify: half the cost on the
 * ingest hot path (5 keys per job).
 */
export function rollupKey(parts: readonly string[]): string {
  let key = "";
  const last = parts.length - 1;
  for (let i = 0; i < last; i++) key += `${parts[i]!.length}:${parts[i]}`;
  return key + parts[last];
}

function addTo(map: Map<string, RollupRow>, parts: readonly string[], row: PricedRow): void {
  const key = rollupKey(parts);
  let r = map.get(key);
  if (!r) map.set(key, (r = { parts, delta: emptyDelta() }));
  const d = r.delta;
  const { prepared, priced } = row;
  // A completed job within the timeout is a success even at 0 points (below the floor): it served a user.
  const success = priced.zeroReason !== "status" && priced.zeroReason !== "timeout";
  d.jobs += 1;
  if (priced.pointType === "waifu") d.waifu += priced.pointsMicro;
  else d.llama += priced.pointsMicro;
  if (success) {
    d.successes += 1;
    if (prepared.base.model.kind === "image") d.images += 1;
    else d.texts += 1;
    d.latencyMs += Math.round(prepared.job.inference_latency * 1000);
  }
}

export function rollupDeltas(rows: readonly PricedRow[]) {
  const miner = new Map<string, RollupRow>();
  const wallet = new Map<string, RollupRow>();
  const hardware = new Map<string, RollupRow>();
  const node = new Map<string, RollupRow>();
  const walletModel = new Map<string, RollupRow>();
  for (const row of rows) {
    const { job, wallet: address, completedAt } = row.prepared;
    const hour = hourStart(completedAt);
    addTo(miner, [job.miner_id, hour], row);
    addTo(wallet, [address, hour], row);
    addTo(hardware, [job.hardware ?? "unknown", job.model_id, hour], row);
    addTo(node, [job.miner_id], row);
    addTo(walletModel, [address, hour.slice(0, 10), job.model_id, row.priced.pointType], row);
  }
  // One order for every batch (by key), so concurrent batches lock rows in the same order and cannot deadlock.
  const sorted = (m: Map<string, RollupRow>): RollupRow[] => [...m.keys()].sort().map((k) => m.get(k)!);
  return { miner: sorted(miner), wallet: sorted(wallet), hardware: sorted(hardware), node: sorted(node), walletModel: sorted(walletModel) };
}
