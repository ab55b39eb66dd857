import "server-only";
import type pg from "pg";
import { createPublicClient, http, type AbiEvent, type Address, type Log, type PublicClient } from "viem";
import { esHeuAbi, imaginariesAbi, rewardDistributorAbi, stakingMarketAbi } from "@/lib/chain/abi";
import type { ChainContracts, ChainEnv } from "@/lib/env";
import { applyChainLogs } from "./apply";
import type { ChainEventData, ChainLog } from "./events";
import { chainCursor } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";
import { log } from "@/lib/log";

const CURSOR_ID = "main";

const eventsOf = (abi: readonly unknown[], names: string[]) => (abi as AbiEvent[]).filter((item) => item.type === "event" && names.includes(item.name));

// ERC-721 and ERC-20 Transfer share a topic, so each contract gets its own request.
const MARKET_EVENTS = eventsOf(stakingMarketAbi, ["Staked", "Unstaked", "Withdrawn", "StakeMoved", "BribeSet"]);
const NFT_EVENTS = eventsOf(imaginariesAbi, ["Transfer"]);
const ESHEU_EVENTS = eventsOf(esHeuAbi, ["Granted", "Claimed"]);
const DISTRIBUTOR_EVENTS = eventsOf(rewardDistributorAbi, ["RootPublished", "Claimed"]);

export class ChainReorgError extends Error {
  constructor(block: bigint, stored: string, now: string) {
    super(
      `Block ${block} is now ${now}, but the indexer applied it as ${stored}: a reorg deeper than CHAIN_CONFIRMATIONS. ` +
        "Raise CHAIN_CONFIRMATIONS and re-index from CHAIN_START_BLOCK into a fresh database.",
    );
  }
}

export interface IndexerOptions {
  chain: ChainEnv & { contracts: ChainContracts };
  pool: pg.Pool;
  client?: PublicClient;
  /** Ends the work between two batches (the worker's chunk deadline, a shutdown); the cursor keeps what was done. */
  signal?: AbortSignal;
  /** Called after each committed batch (progress, tests). */
  onBatch?: (batch: { from: bigint; to: bigint; logs: number; applied: number; target: bigint }) => void;
}

export interface IndexResult {
  /** Last block applied (null: nothing confirmed yet). */
  block: bigint | null;
  head: bigint;
  applied: number;
}

export function chainClient(chain: ChainEnv): PublicClient {
  return createPublicClient({ transport: http(chain.rpcUrl, { retryCount: 3 }) });
}

const contractsKey = (c: ChainContracts) => [c.heu, c.esHeu, c.imaginaries, c.stakingMarket].join(",").toLowerCase();

/**
 * Brings the chain tables up to `head − confirmations`: reads logs in batches of
 * `batchBlocks`, and commits each batch together with the cursor, so a crash anywhere loses at
 * most the batch in flight and a restart continues from the last committed block.
 */
export async function indexToHead(opts: IndexerOptions): Promise<IndexResult> {
  const { chain, pool } = opts;
  const client = opts.client ?? chainClient(chain);
  const head = await client.getBlockNumber({ cacheTime: 0 });
  const target = head - BigInt(chain.confirmations);
  const cursor = await readCursor(pool, chain);
  if (cursor) {
    const now = await client.getBlock({ blockNumber: cursor.block });
    if (now.hash !== cursor.hash) throw new ChainReorgError(cursor.block, cursor.hash, now.hash);
  }
  let from = cursor ? cursor.block + 1n : chain.startBlock;
  let applied = 0;
  while (from <= target && !opts.signal?.aborted) {
    const to = from + BigInt(chain.batchBlocks) - 1n < target ? from + BigInt(chain.batchBlocks) - 1n : target;
    const logs = await fetchLogs(client, chain.contracts, from, to);
    const toBlock = await client.getBlock({ blockNumber: to });
    const batch = await commitBatch(pool, chain, from, logs, { number: to, hash: toBlock.hash, time: new Date(Number(toBlock.timestamp) * 1000) });
    if ("movedTo" in batch) {
      // Another indexer committed while this batch was read: continue after what it committed,
      // never after this batch's end (its cursor may be short of it, and the blocks between would be skipped).
      from = batch.movedTo === null ? chain.startBlock : batch.movedTo + 1n;
      continue;
    }
    applied += batch.applied;
    opts.onBatch?.({ from, to, logs: logs.length, applied: batch.applied, target });
    from = to + 1n;
  }
  const last = await readCursor(pool, chain);
  return { block: last?.block ?? null, head, applied };
}

async function readCursor(pool: pg.Pool, chain: IndexerOptions["chain"]): Promise<{ block: bigint; hash: string } | null> {
  const [row] = await queryTyped(pool, chainCursor(CURSOR_ID));
  if (!row) return null;
  if (row.chain_id !== chain.chainId || row.contracts !== contractsKey(chain.contracts)) {
    throw new Error(
      `This database was indexed from chain ${row.chain_id} contracts ${row.contracts}, not chain ${chain.chainId} contracts ${contractsKey(chain.contracts)}. ` +
        "Point the portal at a fresh database to follow other contracts.",
    );
  }
  return { block: BigInt(row.block_number), hash: row.block_hash };
}

async function commitBatch(
  pool: pg.Pool,
  chain: IndexerOptions["chain"],
  from: bigint,
  logs: ChainLog[],
  to: { number: bigint; hash: string; time: Date },
): Promise<{ applied: number } | { movedTo: bigint | null }> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // One writer at a time: a second indexer waits here, then finds the cursor moved and starts
    // again from it. The batch commits only where it continues the cursor exactly.
    const { rows } = await client.query<{ block_number: string }>("SELECT block_number::text FROM chain_cursor WHERE id = $1 FOR UPDATE", [CURSOR_ID]);
    const current = rows[0] ? BigInt(rows[0].block_number) : null;
    if (current === null ? from !== chain.startBlock : current + 1n !== from) {
      await client.query("ROLLBACK");
      return { movedTo: current };
    }
    const applied = await applyChainLogs(client, logs);
    await client.query(
      `INSERT INTO chain_cursor (id, chain_id, contracts, block_number, block_hash, block_time, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (id) DO UPDATE SET block_number = EXCLUDED.block_number, block_hash = EXCLUDED.block_hash, block_time = EXCLUDED.block_time, updated_at = now()`,
      [CURSOR_ID, chain.chainId, contractsKey(chain.contracts), to.number.toString(), to.hash, to.time],
    );
    await client.query("COMMIT");
    return { applied };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function fetchLogs(client: PublicClient, contracts: ChainContracts, fromBlock: bigint, toBlock: bigint): Promise<ChainLog[]> {
  const requests: [Address, AbiEvent[]][] = [
    [contracts.stakingMarket, MARKET_EVENTS],
    [contracts.imaginaries, NFT_EVENTS],
    [contracts.esHeu, ESHEU_EVENTS],
    ...(contracts.rewardDistributor ? ([[contracts.rewardDistributor, DISTRIBUTOR_EVENTS]] as [Address, AbiEvent[]][]) : []),
  ];
  const distributor = contracts.rewardDistributor?.toLowerCase();
  const batches = await Promise.all(requests.map(([address, events]) => client.getLogs({ address, events, fromBlock, toBlock, strict: true })));
  const logs = batches.flat() as unknown as (Log<bigint, number, false> & { eventName: string; args: Record<string, unknown> })[];
  const blockTimes = new Map<bigint, Date>();
  for (const n of new Set(logs.map((l) => l.blockNumber))) {
    const block = await client.getBlock({ blockNumber: n });
    blockTimes.set(n, new Date(Number(block.timestamp) * 1000));
  }
  return logs.map((l) => ({
    blockNumber: l.blockNumber,
    logIndex: l.logIndex,
    blockHash: l.blockHash,
    txHash: l.transactionHash,
    blockTime: blockTimes.get(l.blockNumber)!,
    contract: l.address.toLowerCase(),
    event: decode(l.address.toLowerCase() === distributor && l.eventName === "Claimed" ? "RewardClaimed" : l.eventName, l.args),
  }));
}

const lower = (v: unknown) => String(v).toLowerCase();
const big = (v: unknown) => BigInt(v as bigint);

function decode(name: string, a: Record<string, unknown>): ChainEventData {
  switch (name) {
    case "Staked":
      return { name, minerId: lower(a.minerId), staker: lower(a.staker), token: Number(a.token), amount: big(a.amount) };
    case "Unstaked":
      return { name, minerId: lower(a.minerId), staker: lower(a.staker), token: Number(a.token), amount: big(a.amount), lockId: big(a.lockId), unlockAt: big(a.unlockAt) };
    case "Withdrawn":
      return { name, lockId: big(a.lockId), staker: lower(a.staker), amount: big(a.amount) };
    case "StakeMoved":
      return { name, fromMinerId: lower(a.fromMinerId), toMinerId: lower(a.toMinerId), staker: lower(a.staker), token: Number(a.token), amount: big(a.amount) };
    case "BribeSet":
      return { name, minerId: lower(a.minerId), operator: lower(a.operator), bps: Number(a.bps), effectiveEpoch: big(a.effectiveEpoch), effectiveAt: big(a.effectiveAt) };
    case "Transfer":
      return { name, from: lower(a.from), to: lower(a.to), tokenId: big(a.tokenId) };
    case "Granted":
      return { name, account: lower(a.account), grantId: big(a.grantId), amount: big(a.amount), start: big(a.start), end: big(a.end) };
    case "Claimed":
      return { name, account: lower(a.account), amount: big(a.amount) };
    case "RootPublished":
      return { name, epoch: Number(a.epoch), root: lower(a.root), total: big(a.total), vestStart: big(a.vestStart) };
    case "RewardClaimed":
      return { name, epoch: Number(a.epoch), account: lower(a.account), amount: big(a.amount), minerId: lower(a.minerId) };
    default:
      throw new Error(`The indexer does not know event ${name}`);
  }
}

/**
 * Follows the chain until `signal` aborts: indexes to the confirmed head, waits `pollMs`, again.
 * A failing RPC or database is logged and retried with backoff; the cursor makes every retry safe.
 */
export async function followChain(opts: IndexerOptions): Promise<void> {
  const logger = log().child({ component: "indexer" });
  const client = opts.client ?? chainClient(opts.chain);
  let failures = 0;
  let lastBlock: bigint | null = null;
  while (!opts.signal?.aborted) {
    try {
      const result = await indexToHead({ ...opts, client });
      if (result.block !== lastBlock && result.applied > 0) logger.info({ block: Number(result.block), head: Number(result.head), events: result.applied }, "indexed");
      lastBlock = result.block;
      failures = 0;
    } catch (err) {
      failures++;
      logger.warn({ err, attempt: failures }, "indexing failed (retrying)");
    }
    const wait = failures ? Math.min(30_000, opts.chain.pollMs * 2 ** failures) : opts.chain.pollMs;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        opts.signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, wait);
      opts.signal?.addEventListener("abort", done, { once: true });
    });
  }
}
