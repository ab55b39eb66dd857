// On-chain state that fits the simulated network: NFTs for the larger wallets, stakers backing
// nodes of the big farms with amounts across the stake curve, operators setting bribes, and a few
// operators cutting their bribe late in the week (so the market has something to warn about).
// `planChainSeed` is pure and deterministic; `seedChain` sends it with past block timestamps.
import type { Address } from "viem";
import { ESHEU_TOKEN, HEU_TOKEN, anvilAccount, heu, type ChainActions, type ChainClients } from "../lib/chain-actions";
import type { SimNetwork } from "./network";
import { Rng, hash32 } from "./random";

const DAY = 86_400;
/** Anvil accounts 2..9 stake (0 owns the contracts; 1 is left free for people trying the portal). */
export const STAKER_ACCOUNTS = [2, 3, 4, 5, 6, 7, 8, 9];

export type SeedStep =
  | { kind: "nft"; day: number; wallet: string; count: number }
  | { kind: "stake"; day: number; staker: number; minerId: string; token: number; heu: number }
  | { kind: "bribe"; day: number; minerId: string; bps: number };

export interface ChainSeedPlan {
  steps: SeedStep[];
  /** Days the plan spans (steps have day 0 … days − 1). */
  days: number;
}

export function planChainSeed(network: Pick<SimNetwork, "wallets" | "gpus">, opts: { seed?: number; days?: number } = {}): ChainSeedPlan {
  const days = opts.days ?? 15; // two weeks: bribes set on day 0 are in force for the last full epoch
  const rng = new Rng(hash32(opts.seed ?? 7, 0xc4a1));
  const steps: SeedStep[] = [];
  const byWallet = new Map<string, string[]>();
  for (const g of network.gpus) byWallet.set(g.wallet, [...(byWallet.get(g.wallet) ?? []), g.minerId]);
  const ranked = [...network.wallets].filter((w) => byWallet.has(w.address)).sort((a, b) => b.gpuCount - a.gpuCount);

  // NFTs: the 30 largest wallets hold 1–4 each, a dozen small ones hold one (well under the 500 cap).
  ranked.slice(0, 30).forEach((w, i) => steps.push({ kind: "nft", day: 0, wallet: w.address, count: 1 + (i % 4) }));
  for (const w of ranked
    .slice(30)
    .filter((_, i) => i % 17 === 0)
    .slice(0, 12))
    steps.push({ kind: "nft", day: rng.int(0, days - 2), wallet: w.address, count: 1 });

  // Stakes: the first GPU of each of the 40 largest wallets, plus a few more of the biggest farm.
  const nodes = [...ranked.slice(0, 40).map((w) => byWallet.get(w.address)![0]!), ...byWallet.get(ranked[0]!.address)!.slice(1, 6)];
  nodes.forEach((minerId, i) => {
    // Log-uniform 5,000–150,000 stHEU: nodes below, on and above the curve's 10k–100k ramp.
    const total = Math.round(Math.exp(Math.log(5_000) + rng.next() * Math.log(150_000 / 5_000)) / 100) * 100;
    const parts = 1 + (i % 3);
    for (let p = 0; p < parts; p++) {
      steps.push({
        kind: "stake",
        day: rng.int(0, days - 2),
        staker: STAKER_ACCOUNTS[(i + p) % STAKER_ACCOUNTS.length]!,
        minerId,
        token: p % 2 === 0 ? HEU_TOKEN : ESHEU_TOKEN,
        heu: Math.max(100, Math.round(total / parts / 100) * 100),
      });
    }
    // Most operators bribe 5–40 %; every seventh cuts it hard late in the week.
    if (i % 5 !== 4) steps.push({ kind: "bribe", day: 0, minerId, bps: 500 + 250 * rng.int(0, 14) });
    if (i % 7 === 3 && i % 5 !== 4) steps.push({ kind: "bribe", day: days - 2, minerId, bps: 200 });
  });
  steps.sort((a, b) => a.day - b.day);
  return { steps, days };
}

/**
 * Funds the stakers, then sends the plan's steps day by day with block timestamps `days` back from
 * `now`, and finally moves the chain's clock to `now`. Miners' wallets (for bribes) are impersonated.
 */
export async function seedChain(clients: ChainClients, act: ChainActions, plan: ChainSeedPlan, now: Date, onStep?: (done: number, total: number) => void): Promise<void> {
  const start = Math.floor(now.getTime() / 1000) - plan.days * DAY;
  const latest = Number((await clients.publicClient.getBlock()).timestamp);
  const at = (day: number, i: number) => Math.max(latest + 1 + i, start + day * DAY + i * 7);
  let i = 0;
  await clients.testClient.setNextBlockTimestamp({ timestamp: BigInt(at(0, i++)) });
  for (const index of STAKER_ACCOUNTS) {
    const staker = anvilAccount(index);
    await act.mintHeu(staker.address, heu(2_000_000));
    await act.grantEsHeu(staker.address, heu(500_000));
    await act.approveMarket(staker);
  }
  const impersonated = new Set<string>();
  let done = 0;
  for (const step of plan.steps) {
    await clients.testClient.setNextBlockTimestamp({ timestamp: BigInt(at(step.day, i++)) });
    if (step.kind === "nft") {
      for (let n = 0; n < step.count; n++) {
        if (n > 0) await clients.testClient.setNextBlockTimestamp({ timestamp: BigInt(at(step.day, i++)) });
        await act.mintNft(step.wallet as Address);
      }
    } else if (step.kind === "stake") {
      await act.stake(anvilAccount(step.staker), step.minerId, step.token, heu(step.heu));
    } else {
      const operator = step.minerId.slice(0, 42) as Address;
      if (!impersonated.has(operator)) {
        await act.impersonate(operator);
        impersonated.add(operator);
      }
      await act.setBribe(operator, step.minerId, step.bps);
    }
    onStep?.(++done, plan.steps.length);
  }
  for (const operator of impersonated) await clients.testClient.stopImpersonatingAccount({ address: operator as Address });
  await clients.testClient.setNextBlockTimestamp({ timestamp: BigInt(Math.max(Math.floor(now.getTime() / 1000), at(plan.days - 1, i++))) });
  await act.mine(1);
}
