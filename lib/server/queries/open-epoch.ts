import "server-only";
import { epochEnd, epochOf, epochStart, poolShare, projectNode, type NetworkSoFar } from "@/lib/rewards";
import type { OpenEpoch } from "@/lib/schemas/open-epoch";
import { readPool, readPrisma } from "../db";
import { epochNetworkPoints, epochNodePoints, walletOpenEpochSums } from "../generated/prisma/sql";
import { configFor, epochPools } from "../epochs/config";
import { bribesAt, stakeWeights } from "../epochs/stakes";
import { heuOf, isoOf, pointsOf } from "./convert";

// The open epoch as settlement would pay it if it ended now (lib/rewards/projection.ts): points
// from the settlement buckets (epoch_miner_points, decision 0020), the very rows settlement pays
// from, so a late entry of the last epoch counts where it will be paid; bribes and stake weights
// from settlement's own readers. The network's sum reads one bucket row per miner ID of the epoch
// (the hourly rollups held ~1.8 M wallet-hours by an epoch's end: 218 ms at 10 M ledger rows).

const amount = (wei: bigint) => ({ amount: heuOf(wei.toString()), amountWei: wei.toString() });
const ratio = (part: bigint, whole: bigint) => (whole > 0n ? Math.min(1, Math.max(0, Number(part > 0n ? part : 0n) / Number(whole))) : null);

interface Sums {
  waifu: bigint;
  llama: bigint;
}

/** Points of the whole network in epoch `epoch`'s bucket. */
async function networkSums(epoch: number): Promise<Sums> {
  const rows = await readPrisma().$queryRawTyped(epochNetworkPoints(epoch));
  return { waifu: BigInt(rows[0]?.waifu ?? 0), llama: BigInt(rows[0]?.llama ?? 0) };
}

async function nodeSums(minerIds: readonly string[], epoch: number): Promise<Map<string, Sums>> {
  if (minerIds.length === 0) return new Map();
  const rows = await readPrisma().$queryRawTyped(epochNodePoints(epoch, [...minerIds]));
  return new Map(rows.map((r) => [r.miner_id, { waifu: BigInt(r.waifu), llama: BigInt(r.llama) }]));
}

/** The network's points so far, the provisional pools they size, and the esHEU weight; null without a reward configuration. */
async function networkSoFar(epoch: number): Promise<{ net: NetworkSoFar; esheuWeightPpm: number } | null> {
  const [sums, config] = await Promise.all([networkSums(epoch), configFor(readPool(), epoch).catch(() => null)]);
  if (!config) return null;
  return { net: { ...epochPools(config, sums.waifu, sums.llama), waifuPointsMicro: sums.waifu, llamaPointsMicro: sums.llama }, esheuWeightPpm: config.esheuWeightPpm };
}

function frame(epoch: number, now: Date, net: NetworkSoFar, mine: Sums) {
  const end = epochEnd(epoch);
  const waifuWei = poolShare(net.waifuPoolWei, mine.waifu, net.waifuPointsMicro);
  const llamaWei = poolShare(net.llamaPoolWei, mine.llama, net.llamaPointsMicro);
  return {
    head: {
      epoch,
      startsAt: isoOf(epochStart(epoch)),
      endsAt: isoOf(end),
      asOf: isoOf(now),
      secondsLeft: Math.max(0, Math.floor((end.getTime() - now.getTime()) / 1000)),
      waifuPoints: pointsOf(mine.waifu.toString()),
      llamaPoints: pointsOf(mine.llama.toString()),
      network: {
        waifuPoints: pointsOf(net.waifuPointsMicro.toString()),
        llamaPoints: pointsOf(net.llamaPointsMicro.toString()),
        waifuPool: amount(net.waifuPoolWei),
        llamaPool: amount(net.llamaPoolWei),
      },
      waifuShare: ratio(mine.waifu, net.waifuPointsMicro),
      llamaShare: ratio(mine.llama, net.llamaPointsMicro),
      waifuTokens: amount(waifuWei),
      llamaTokens: amount(llamaWei),
      tokens: amount(waifuWei + llamaWei),
    },
    tokensWei: waifuWei + llamaWei,
  };
}

/** One node's open epoch: its pool shares, its bribe to its stakers, the operator's grant. */
export async function minerOpenEpoch(minerId: string, now = new Date()): Promise<OpenEpoch | null> {
  const epoch = epochOf(now);
  const [start, end] = [epochStart(epoch), epochEnd(epoch)];
  const [network, sums, bribes] = await Promise.all([networkSoFar(epoch), nodeSums([minerId], epoch), bribesAt(readPool(), start, [minerId])]);
  if (!network) return null;
  const { net } = network;
  const weights = await stakeWeights(readPool(), [minerId], start, end, network.esheuWeightPpm);
  const mine = sums.get(minerId) ?? { waifu: 0n, llama: 0n };
  const bribeBps = bribes.get(minerId) ?? 0;
  const p = projectNode(net, { waifuPointsMicro: mine.waifu, llamaPointsMicro: mine.llama, bribeBps, stakeWeights: weights.get(minerId) ?? new Map() });
  const { head } = frame(epoch, now, net, mine);
  return {
    ...head,
    tokens: amount(p.tokensWei),
    toStakers: amount(p.stakersWei),
    asMiner: amount(p.operatorWei),
    projected: amount(p.operatorWei),
    bribedNodes: bribeBps > 0 ? [{ minerId, bribeBps, tokens: amount(p.tokensWei), toStakers: amount(p.stakersWei) }] : [],
  };
}

/**
 * A wallet's open epoch: its GPUs' pool shares (from their buckets), less the bribes its nodes
 * pay their stakers, plus its own share of the bribes of the nodes it stakes on.
 */
export async function walletOpenEpoch(address: string, now = new Date()): Promise<OpenEpoch | null> {
  const epoch = epochOf(now);
  const [start, end] = [epochStart(epoch), epochEnd(epoch)];
  // One statement for the common case (a wallet whose nodes set no bribe and that stakes nowhere).
  const [config, read] = await Promise.all([configFor(readPool(), epoch).catch(() => null), readPrisma().$queryRawTyped(walletOpenEpochSums(start, end, address, epoch))]);
  if (!config) return null;
  const r = read[0]!;
  const big = (v: string | null) => BigInt(v ?? 0);
  const net: NetworkSoFar = { ...epochPools(config, big(r.nw), big(r.nl)), waifuPointsMicro: big(r.nw), llamaPointsMicro: big(r.nl) };
  const mine = { waifu: big(r.ww), llama: big(r.wl) };
  const ownIds = r.own;
  const stakedIds = r.staked;
  if (ownIds.length + stakedIds.length === 0) {
    const { head } = frame(epoch, now, net, mine);
    const zero = amount(0n);
    return { ...head, toStakers: zero, asMiner: head.tokens, asStaker: zero, projected: head.tokens, bribedNodes: [], stakedNodes: [] };
  }
  const bribes = await bribesAt(readPool(), start, [...new Set([...ownIds, ...stakedIds])]);
  const nodes = [...bribes.keys()];
  const [sums, weights] = await Promise.all([nodeSums(nodes, epoch), stakeWeights(readPool(), nodes, start, end, config.esheuWeightPpm)]);
  const project = (minerId: string) => {
    const s = sums.get(minerId) ?? { waifu: 0n, llama: 0n };
    return projectNode(net, {
      waifuPointsMicro: s.waifu,
      llamaPointsMicro: s.llama,
      bribeBps: bribes.get(minerId)!,
      stakeWeights: weights.get(minerId) ?? new Map<string, bigint>(),
    });
  };

  const bribedNodes = ownIds
    .filter((id) => bribes.has(id))
    .map((minerId) => ({ minerId, p: project(minerId) }))
    .filter((n) => n.p.stakersWei > 0n);
  const toStakersWei = bribedNodes.reduce((s, n) => s + n.p.stakersWei, 0n);
  const stakedNodes = stakedIds
    .filter((id) => bribes.has(id) && (weights.get(id)?.get(address) ?? 0n) > 0n)
    .map((minerId) => {
      const p = project(minerId);
      const w = weights.get(minerId)!;
      const all = [...w.values()].reduce((a, b) => a + b, 0n);
      return { minerId, p, weightShare: ratio(w.get(address)!, all) ?? 0, yours: p.stakers.get(address) ?? 0n };
    })
    .filter((n) => n.p.stakersWei > 0n);
  const asStakerWei = stakedNodes.reduce((s, n) => s + n.yours, 0n);

  const { head, tokensWei } = frame(epoch, now, net, mine);
  const asMinerWei = tokensWei - toStakersWei;
  return {
    ...head,
    toStakers: amount(toStakersWei),
    asMiner: amount(asMinerWei),
    asStaker: amount(asStakerWei),
    projected: amount(asMinerWei + asStakerWei),
    bribedNodes: bribedNodes.map(({ minerId, p }) => ({ minerId, bribeBps: bribes.get(minerId)!, tokens: amount(p.tokensWei), toStakers: amount(p.stakersWei) })),
    stakedNodes: stakedNodes.map(({ minerId, p, weightShare, yours }) => ({
      minerId,
      bribeBps: bribes.get(minerId)!,
      nodeToStakers: amount(p.stakersWei),
      weightShare,
      yours: amount(yours),
    })),
  };
}
