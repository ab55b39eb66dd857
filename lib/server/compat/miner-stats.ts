import "server-only";
import { AppError } from "@/lib/errors";
import { dailyRewards, type PoolTokens } from "@/lib/rewards/daily-rewards";
import { epochOf } from "@/lib/rewards";
import type { Availability24h } from "@/lib/schemas/activity";
import type { HeuristMinerStats, HeuristStatus } from "@/lib/schemas/heurist-stats";
import type { OpenEpoch } from "@/lib/schemas/open-epoch";
import { readPrisma } from "../db";
import { walletHardware as walletHardwareSql } from "../generated/prisma/sql";
import { readAsOf } from "../read-as-of";
import { dailyMicro, last24Hrs, type RollupScope } from "../queries/activity";
import { minerAvailability24h, walletAvailability24h } from "../queries/availability-24h";
import { countOf, heuOf, pointsOf } from "../queries/convert";
import { poolTokensByEpoch } from "../queries/epochs";
import { nodeRow } from "../queries/miner";
import { minerOpenEpoch, walletOpenEpoch } from "../queries/open-epoch";
import { walletSummary } from "../queries/wallet";

// GET /prod/stats?minerId=…: Heurist's per-miner answer (decision 0033), assembled from the very
// queries behind /api/v1/miners/{minerId} and /api/v1/wallets/{address}: totals, the last 24
// hourly buckets, availability, the open epoch's projection, the daily rollups and the settled
// epochs' pool shares. Nothing here computes a figure those do not.

const WALLET = /^0x[0-9a-f]{40}$/;
const UNKNOWN_HARDWARE = "unknown";

/** One of the two subjects a minerId names: a wallet (all its miner IDs) or one miner ID. */
interface Subject {
  scope: RollupScope;
  key: string;
  wallet: string;
  gpus: number;
  hardware: string;
  totals: Record<"waifu" | "llama" | "images" | "texts", string | bigint | null>;
  availability: Promise<Availability24h>;
  openEpoch: Promise<OpenEpoch | null>;
}

/** "NVIDIA GeForce RTX 4090 ×12, NVIDIA GeForce RTX 3090 ×4": a wallet's GPU models, most GPUs first, ties by name. */
async function walletHardware(address: string): Promise<string> {
  const rows = await readPrisma().$queryRawTyped(walletHardwareSql(address, UNKNOWN_HARDWARE));
  return rows.map((r) => `${r.hardware} ×${r.gpus}`).join(", ");
}

async function walletSubject(address: string, now: Date): Promise<Subject> {
  const [head, hardware] = await Promise.all([walletSummary(address), walletHardware(address)]);
  if (!head || head.first_seen_at === null) throw new AppError("not_found", `No GPU of wallet ${address} has reported a job yet.`);
  return {
    scope: "wallet",
    key: address,
    wallet: address,
    gpus: countOf(head.gpus),
    hardware,
    totals: head,
    availability: walletAvailability24h(address, now).then((a) => a.total),
    openEpoch: walletOpenEpoch(address, now),
  };
}

async function minerSubject(minerId: string, now: Date): Promise<Subject> {
  const node = await nodeRow(minerId);
  if (!node) throw new AppError("not_found", `No miner ${minerId} has reported a job yet.`);
  return {
    scope: "miner",
    key: minerId,
    wallet: node.wallet,
    gpus: 1,
    hardware: node.hardware ?? UNKNOWN_HARDWARE,
    totals: { waifu: node.total_waifu_micro, llama: node.total_llama_micro, images: node.image_count, texts: node.text_count },
    availability: minerAvailability24h(minerId, now),
    openEpoch: minerOpenEpoch(minerId, now),
  };
}

/** Active when the router saw it online in any 5-minute bucket of the last 24 hours; the wallet page's "idle" otherwise. */
export const statusOf = (a: Pick<Availability24h, "onlineBuckets">): HeuristStatus => (a.onlineBuckets > 0 ? "active" : "idle");

const wei = (amount: { amountWei: string } | undefined) => BigInt(amount?.amountWei ?? 0);

/** The answer for a wallet address (every miner ID of it) or for one miner ID. */
export async function heuristMinerStatsOrThrow(minerId: string, now = new Date()): Promise<HeuristMinerStats> {
  const s = WALLET.test(minerId) ? await walletSubject(minerId, now) : await minerSubject(minerId, now);
  const [recent, availability, openEpoch, days, settled, read] = await Promise.all([
    last24Hrs(s.scope, s.key, now),
    s.availability,
    s.openEpoch,
    dailyMicro(s.scope, s.key),
    poolTokensByEpoch(s.wallet, s.scope === "miner" ? s.key : null),
    readAsOf(),
  ]);
  const current = epochOf(now);
  const tokens = new Map<number, PoolTokens>(settled);
  tokens.delete(current); // never settled while open; the projection stands for it
  if (openEpoch) tokens.set(current, { waifuWei: wei(openEpoch.waifuTokens), llamaWei: wei(openEpoch.llamaTokens) });
  const history = dailyRewards(days, tokens, now.toISOString().slice(0, 10));
  return {
    hardware: s.hardware,
    status: statusOf(availability),
    totalImageCount: countOf(s.totals.images),
    totalTextCount: countOf(s.totals.texts),
    last24HrsImageCount: recent.last24HrsImageCount,
    last24HrsTextCount: recent.last24HrsTextCount,
    last24HrsAvailability: availability.ratio,
    totalLlamaPoints: pointsOf(s.totals.llama),
    totalWaifuPoints: pointsOf(s.totals.waifu),
    s2CurrentEpochLlamaPoints: openEpoch?.llamaPoints ?? 0,
    s2CurrentEpochWaifuPoints: openEpoch?.waifuPoints ?? 0,
    s2CurrentEpochLlamaRewards: heuOf((tokens.get(current)?.llamaWei ?? 0n).toString()),
    s2CurrentEpochWaifuRewards: heuOf((tokens.get(current)?.waifuWei ?? 0n).toString()),
    s2Rewards: history.map((d) => ({
      daily_date: d.date,
      llama_points: pointsOf(d.llamaMicro.toString()),
      waifu_points: pointsOf(d.waifuMicro.toString()),
      llama_reward_tokens: heuOf(d.llamaWei.toString()),
      waifu_reward_tokens: heuOf(d.waifuWei.toString()),
    })),
    minerId,
    gpuCount: s.gpus,
    s2CurrentEpoch: current,
    asOf: read.replica || read.pendingSince ? read.asOf : now.toISOString(),
  };
}
