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

function addTo(map: Map<string, Delta>, key: string, row: PricedRow): void {
  let d = map.get(key);
  if (!d) map.set(key, (d = emptyDelta()));
  const { prepared, priced } = row;
  // A completed job within the timeout is a success even at 0 points (below the floor): it served a user.
  const success = priced.zeroReason !== "status" && priced.zeroReason !== "timeout";
  d.jobs += 1;
  if (priced.pointType === "waifu") d.waifu += priced.pointsMicro;
  else d.llama += priced.pointsMicro;
  if (success) {
    d.successes += 1;
    if (prepared.model.kind === "image") d.images += 1;
    else d.texts += 1;
    d.latencyMs += Math.round(prepared.job.inference_latency * 1000);
  }
}

/** Keys are joined with a tab (never part of an id); sorted so concurrent batches lock rows in one order. */
export const KEY_SEP = "\t";

export function rollupDeltas(rows: readonly PricedRow[]) {
  const miner = new Map<string, Delta>();
  const wallet = new Map<string, Delta>();
  const hardware = new Map<string, Delta>();
  const node = new Map<string, Delta>();
  const walletModel = new Map<string, Delta>();
  for (const row of rows) {
    const { job, wallet: address, completedAt } = row.prepared;
    const hour = hourStart(completedAt);
    addTo(miner, `${job.miner_id}${KEY_SEP}${hour}`, row);
    addTo(wallet, `${address}${KEY_SEP}${hour}`, row);
    addTo(hardware, `${job.hardware ?? "unknown"}${KEY_SEP}${job.model_id}${KEY_SEP}${hour}`, row);
    addTo(node, job.miner_id, row);
    addTo(walletModel, `${address}${KEY_SEP}${hour.slice(0, 10)}${KEY_SEP}${job.model_id}${KEY_SEP}${row.priced.pointType}`, row);
  }
  // Native string sort of the keys (no comparator) is several times faster than sorting entries.
  const sorted = (m: Map<string, Delta>): [string, Delta][] => [...m.keys()].sort().map((k) => [k, m.get(k)!]);
  return { miner: sorted(miner), wallet: sorted(wallet), hardware: sorted(hardware), node: sorted(node), walletModel: sorted(walletModel) };
}
