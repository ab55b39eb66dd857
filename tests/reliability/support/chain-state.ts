// "The indexer's state equals the chain's": what the indexed tables say about stakes, bribes and NFTs
// against what the contracts answer now, and the events indexed against the logs on chain. Returns
// one line per difference (none: equal).
import type pg from "pg";
import type { AbiEvent, Address, PublicClient } from "viem";
import { esHeuAbi, imaginariesAbi, stakingMarketAbi } from "@/lib/chain/abi";
import type { ContractAddresses } from "../../../contracts/deploy";
import { ESHEU_TOKEN, HEU_TOKEN } from "../../../scripts/lib/chain-actions";

/** The events the indexer follows, per contract (as lib/server/chain/indexer.ts asks for them). */
const FOLLOWED: [keyof ContractAddresses, readonly { type: string; name?: string }[], string[]][] = [
  ["stakingMarket", stakingMarketAbi, ["Staked", "Unstaked", "Withdrawn", "StakeMoved", "BribeSet"]],
  ["imaginaries", imaginariesAbi, ["Transfer"]],
  ["esHeu", esHeuAbi, ["Granted", "Claimed"]],
];

export interface Touched {
  nodes: string[];
  stakers: Address[];
  nftHolders: Address[];
}

export async function chainStateDiff(pool: pg.Pool, client: PublicClient, c: ContractAddresses, touched: Touched): Promise<string[]> {
  const diffs: string[] = [];
  const market = { address: c.stakingMarket, abi: stakingMarketAbi } as const;
  const cursor = BigInt((await pool.query<{ b: string }>("SELECT block_number::text AS b FROM chain_cursor")).rows[0]?.b ?? -1);

  const stakes = new Map((await pool.query<{ miner_id: string; w: string }>("SELECT miner_id, stake_wei::text AS w FROM node_stakes")).rows.map((r) => [r.miner_id, BigInt(r.w)]));
  const positions = new Map(
    (await pool.query<{ k: string; w: string }>("SELECT miner_id || ' ' || staker || ' ' || token AS k, amount_wei::text AS w FROM stake_positions")).rows.map((r) => [
      r.k,
      BigInt(r.w),
    ]),
  );
  const bribes = new Map(
    (
      await pool.query<{ miner_id: string; bps: number; effective_epoch: number }>(
        "SELECT DISTINCT ON (miner_id) miner_id, bps, effective_epoch FROM bribe_changes ORDER BY miner_id, block_number DESC, log_index DESC",
      )
    ).rows.map((r) => [r.miner_id, r]),
  );
  for (const node of new Set([...touched.nodes, ...stakes.keys()])) {
    const id = await client.readContract({ ...market, functionName: "nodeIdOf", args: [node] });
    const onChain = await client.readContract({ ...market, functionName: "nodeStake", args: [id] });
    if ((stakes.get(node) ?? 0n) !== onChain) diffs.push(`node ${node}: indexed stake ${stakes.get(node) ?? 0n}, chain ${onChain}`);
    for (const staker of touched.stakers) {
      for (const token of [HEU_TOKEN, ESHEU_TOKEN]) {
        const key = `${node} ${staker.toLowerCase()} ${token}`;
        const held = await client.readContract({ ...market, functionName: "stakeOf", args: [id, staker, token] });
        if ((positions.get(key) ?? 0n) !== held) diffs.push(`position ${key}: indexed ${positions.get(key) ?? 0n}, chain ${held}`);
      }
    }
    const [bps, effectiveEpoch, exists] = await client.readContract({ ...market, functionName: "pendingBribe", args: [id] });
    const indexed = bribes.get(node);
    const chainSays = exists ? `${bps} bps from epoch ${effectiveEpoch}` : "none pending";
    const indexedSays = indexed ? `${indexed.bps} bps from epoch ${indexed.effective_epoch}` : "none pending";
    if (chainSays !== indexedSays) diffs.push(`bribe of ${node}: indexed ${indexedSays}, chain ${chainSays}`);
  }

  const nfts = new Map((await pool.query<{ wallet: string; n: number }>("SELECT wallet, nft_count AS n FROM wallet_nfts")).rows.map((r) => [r.wallet, BigInt(r.n)]));
  for (const holder of touched.nftHolders) {
    const onChain = await client.readContract({ address: c.imaginaries, abi: imaginariesAbi, functionName: "balanceOf", args: [holder] });
    if ((nfts.get(holder.toLowerCase()) ?? 0n) !== onChain) diffs.push(`NFTs of ${holder}: indexed ${nfts.get(holder.toLowerCase()) ?? 0n}, chain ${onChain}`);
  }

  // Every followed log up to the cursor indexed once, and nothing else.
  const onChain: string[] = [];
  for (const [contract, abi, names] of FOLLOWED) {
    const events = abi.filter((e) => e.type === "event" && names.includes(e.name!)) as AbiEvent[];
    const logs = await client.getLogs({ address: c[contract] as Address, events, fromBlock: c.deployBlock, toBlock: cursor });
    onChain.push(...logs.map((l) => `${l.blockNumber}:${l.logIndex}`));
  }
  const indexedEvents = (await pool.query<{ k: string }>("SELECT block_number || ':' || log_index AS k FROM chain_events")).rows.map((r) => r.k);
  const missing = onChain.filter((k) => !indexedEvents.includes(k));
  const extra = indexedEvents.filter((k) => !onChain.includes(k));
  if (missing.length || extra.length || indexedEvents.length !== onChain.length) {
    diffs.push(
      `events: ${onChain.length} on chain up to block ${cursor}, ${indexedEvents.length} indexed; missing ${missing.slice(0, 5).join(", ")}; extra ${extra.slice(0, 5).join(", ")}`,
    );
  }
  return diffs;
}
