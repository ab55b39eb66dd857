import "server-only";
import { AppError } from "@/lib/errors";
import { WEIGHT_ONE_PPM, epochEnd, epochOf, epochStart } from "@/lib/rewards";
import type { EpochDetail, EpochRewards, EpochSummary } from "@/lib/schemas/epochs";
import { readPool, readPrisma } from "../db";
import type { Epoch } from "../generated/prisma/client";
import {
  epochSoFar,
  epochStakerRewards,
  epochTopMiners,
  epochWalletRewards,
  walletEpochGrants,
  walletGrantsByEpoch,
  walletPoolTokens,
  walletVesting,
} from "../generated/prisma/sql";
import { configFor, poolSize } from "../epochs/config";

const WEI = 10n ** 18n;

/** Wei (decimal string or bigint) as an exact HEU decimal string: "1234.5". */
export function weiToHeuString(wei: string | bigint): string {
  const v = BigInt(wei);
  const sign = v < 0n ? "-" : "";
  const abs = v < 0n ? -v : v;
  const frac = (abs % WEI).toString().padStart(18, "0").replace(/0+$/, "");
  return `${sign}${abs / WEI}${frac ? `.${frac}` : ""}`;
}

const points = (micro: string | bigint | null) => Number(BigInt(micro ?? 0)) / 1e6;

function settled(r: Epoch): EpochSummary {
  return {
    epoch: r.number,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    status: "settled",
    // numeric(78, 0): toFixed() writes every digit, never an exponent.
    waifuPool: weiToHeuString(r.waifuPoolWei.toFixed()),
    llamaPool: weiToHeuString(r.llamaPoolWei.toFixed()),
    waifuPoints: points(r.waifuPointsMicro),
    llamaPoints: points(r.llamaPointsMicro),
    latePoints: points(r.latePointsMicro),
    adjustmentPoints: points(r.adjustPointsMicro),
    minerCount: r.minerCount,
    settledAt: r.settledAt.toISOString(),
  };
}

/** The open epoch so far, from the hourly rollup (pools provisional: they grow with the points). */
async function openEpoch(epoch: number): Promise<EpochSummary> {
  const from = epochStart(epoch);
  const rows = await readPrisma().$queryRawTyped(epochSoFar(from, epochEnd(epoch)));
  const config = await configFor(readPool(), epoch);
  const waifu = BigInt(rows[0]?.waifu ?? 0);
  const llama = BigInt(rows[0]?.llama ?? 0);
  return {
    epoch,
    startsAt: from.toISOString(),
    endsAt: epochEnd(epoch).toISOString(),
    status: "open",
    waifuPool: weiToHeuString(poolSize(config.waifuBaseWei, config.waifuWeiPerPoint, waifu)),
    llamaPool: weiToHeuString(poolSize(config.llamaBaseWei, config.llamaWeiPerPoint, llama)),
    waifuPoints: points(waifu),
    llamaPoints: points(llama),
    latePoints: 0,
    adjustmentPoints: 0,
    minerCount: Number(rows[0]?.miners ?? 0),
    settledAt: null,
  };
}

/** The open epoch first, then settled epochs, newest first. */
export async function listEpochs(now = new Date(), limit = 104): Promise<EpochSummary[]> {
  const rows = await readPrisma().epoch.findMany({ orderBy: { number: "desc" }, take: limit });
  return [await openEpoch(epochOf(now)), ...rows.map(settled)];
}

export async function getEpochOrThrow(epoch: number, now = new Date()): Promise<EpochDetail> {
  const row = await readPrisma().epoch.findUnique({ where: { number: epoch } });
  const current = epochOf(now);
  if (!row && epoch > current) throw new AppError("not_found", `Epoch ${epoch} starts ${epochStart(epoch).toISOString()}; it has not begun.`);
  const summary = row ? settled(row) : epoch === current ? await openEpoch(epoch) : null;
  if (!summary) throw new AppError("not_found", `Epoch ${epoch} has ended but is not settled yet.`);
  const config = await configFor(readPool(), epoch);
  const cfg = await readPrisma().rewardConfig.findUniqueOrThrow({ where: { id: config.id }, select: { effectiveEpoch: true } });
  const top = row ? await readPrisma().$queryRawTyped(epochTopMiners(epoch)) : [];
  return {
    ...summary,
    config: {
      waifuBase: weiToHeuString(config.waifuBaseWei),
      llamaBase: weiToHeuString(config.llamaBaseWei),
      waifuPerPoint: weiToHeuString(config.waifuWeiPerPoint),
      llamaPerPoint: weiToHeuString(config.llamaWeiPerPoint),
      esHeuWeight: config.esheuWeightPpm / WEIGHT_ONE_PPM,
      effectiveEpoch: cfg.effectiveEpoch,
    },
    topMiners: top.map((r) => ({
      minerId: r.miner_id,
      wallet: r.wallet,
      waifuPoints: points(r.waifu_points_micro),
      llamaPoints: points(r.llama_points_micro),
      tokens: weiToHeuString(r.tokens),
    })),
  };
}

/** What `wallet` earned in a settled epoch, per miner ID and as a staker. */
export async function epochRewardsOrThrow(epoch: number, wallet: string, now = new Date()): Promise<EpochRewards> {
  const exists = await readPool().query("SELECT 1 FROM epochs WHERE number = $1", [epoch]);
  if (!exists.rowCount) {
    if (epoch === epochOf(now)) return { epoch, wallet, status: "open", asMiner: [], asStaker: [], total: "0" };
    throw new AppError("not_found", `Epoch ${epoch} is not settled${epoch > epochOf(now) ? " (it has not begun)" : " yet"}.`);
  }
  const [miners, stakes, grants] = await Promise.all([
    readPrisma().$queryRawTyped(epochWalletRewards(epoch, wallet)),
    readPrisma().$queryRawTyped(epochStakerRewards(epoch, wallet)),
    readPrisma().$queryRawTyped(walletEpochGrants(epoch, wallet)),
  ]);
  return {
    epoch,
    wallet,
    status: "settled",
    asMiner: miners.map((r) => ({
      minerId: r.miner_id,
      waifuPoints: points(r.waifu_points_micro),
      llamaPoints: points(r.llama_points_micro),
      waifuTokens: weiToHeuString(r.waifu_tokens_wei),
      llamaTokens: weiToHeuString(r.llama_tokens_wei),
      bribeBps: r.bribe_bps,
      operatorTokens: weiToHeuString(r.operator_wei),
      stakersTokens: weiToHeuString(r.stakers_wei),
    })),
    asStaker: stakes.map((r) => ({ minerId: r.miner_id, tokens: weiToHeuString(r.tokens_wei), weight: r.weight })),
    total: weiToHeuString(grants[0]?.total ?? "0"),
  };
}

/**
 * What a wallet's miner IDs (or the one given) were paid from each pool in every settled epoch,
 * before the bribe to stakers: the asMiner rows' waifuTokens and llamaTokens of
 * /epochs/{n}/rewards, summed per epoch (one index range of epoch_miner_rewards).
 */
export async function poolTokensByEpoch(wallet: string, minerId: string | null = null): Promise<Map<number, { waifuWei: bigint; llamaWei: bigint }>> {
  const rows = await readPrisma().$queryRawTyped(walletPoolTokens(wallet, minerId));
  return new Map(rows.map((r) => [r.epoch, { waifuWei: BigInt(r.waifu), llamaWei: BigInt(r.llama) }]));
}

export interface WalletRewardHistory {
  wallet: string;
  epochs: { epoch: number; startsAt: string; asMiner: string; asStaker: string; total: string }[];
  /** esHEU granted over all epochs, how much of it has vested into HEU by `asOf`, and the rest. */
  vesting: { granted: string; vested: string; unvested: string; asOf: string };
}

/** A wallet's esHEU per settled epoch (as operator of its miner IDs, as a staker) and its vesting. */
export async function walletRewardHistory(wallet: string, now = new Date()): Promise<WalletRewardHistory> {
  const [perEpoch, vesting] = await Promise.all([readPrisma().$queryRawTyped(walletGrantsByEpoch(wallet)), readPrisma().$queryRawTyped(walletVesting(wallet, now))]);
  const granted = BigInt(vesting[0]?.granted ?? 0);
  const vested = BigInt(vesting[0]?.vested ?? 0);
  return {
    wallet,
    epochs: perEpoch.map((r) => ({
      epoch: r.epoch,
      startsAt: epochStart(r.epoch).toISOString(),
      asMiner: weiToHeuString(r.miner),
      asStaker: weiToHeuString(r.staker),
      total: weiToHeuString(BigInt(r.miner) + BigInt(r.staker)),
    })),
    vesting: { granted: weiToHeuString(granted), vested: weiToHeuString(vested), unvested: weiToHeuString(granted - vested), asOf: now.toISOString() },
  };
}
