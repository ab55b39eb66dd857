import "server-only";
import type pg from "pg";
import { AppError } from "@/lib/errors";
import { configFor, epochPools } from "./config";
import { epochEnd, epochStart, splitNodeReward, splitPool } from "@/lib/rewards";
import { epochMinerPoints, settlementProgress } from "../generated/prisma/sql";
import { foldAll } from "../rollups/fold";
import { queryTyped } from "../typed-pg";
import { storeRewardTree } from "./reward-tree";
import { bribesAt, stakeWeights } from "./stakes";
import { assertNextToSettle, closeEpoch } from "./close-epoch";

const VESTING_MS = 365 * 86_400_000;

export interface SettleResult {
  epoch: number;
  miners: number;
  stakers: number;
  waifuPoolWei: bigint;
  llamaPoolWei: bigint;
  waifuPointsMicro: bigint;
  llamaPointsMicro: bigint;
}

interface MinerPoints {
  minerId: string;
  wallet: string;
  waifu: bigint;
  llama: bigint;
}

/**
 * Settles epoch `epoch`: each pool pro rata to the miners' points, each node's tokens between its
 * operator and its stakers by the bribe in force at the epoch's start (stakers pro rata to their
 * time-weighted stake, esHEU counted at the configuration's weight), esHEU grants vesting over a
 * year. Epochs settle in order. The points settled are epoch `epoch`'s bucket (decision 0020): entries of its week plus those reported after the
 * previous epoch closed (a job reported late, or a correction: "late"). The close is a brief barrier
 * for ledger writers; the settlement itself reads the bucket while ingestion goes on.
 */
export async function settleEpoch(pool: pg.Pool, epoch: number, now = new Date()): Promise<SettleResult> {
  const start = epochStart(epoch);
  const end = epochEnd(epoch);
  if (end > now) throw new AppError("conflict", `Epoch ${epoch} ends at ${end.toISOString()}; it can be settled after that.`);
  const cutoff = await closeEpoch(pool, epoch, now);
  // The close let no writer through, so every delta of this bucket is committed: fold them all
  // before reading it (decision 0024).
  await foldAll(pool);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Reads a bucket and writes every reward row of the epoch: no request-sized statement timeout.
    await client.query("SET LOCAL statement_timeout = 0");
    // One settlement at a time (a second one, started at once, finds this one's epoch settled).
    await client.query("LOCK TABLE epochs IN EXCLUSIVE MODE");
    await assertNextToSettle(client, epoch);

    const sums = await queryTyped(client, epochMinerPoints(epoch));
    const miners: MinerPoints[] = sums.map((r) => ({ minerId: r.miner_id, wallet: r.wallet, waifu: BigInt(r.waifu), llama: BigInt(r.llama) }));
    const late = sums.reduce((n, r) => n + BigInt(r.late), 0n);
    const adjust = sums.reduce((n, r) => n + BigInt(r.adjust), 0n);
    // A miner whose corrections outweigh their points gets nothing (never a negative share).
    const shares = (pick: (m: MinerPoints) => bigint) => new Map(miners.map((m) => [m.minerId, pick(m) > 0n ? pick(m) : 0n]));
    const waifuShares = shares((m) => m.waifu);
    const llamaShares = shares((m) => m.llama);
    const total = (s: Map<string, bigint>) => [...s.values()].reduce((a, b) => a + b, 0n);
    const waifuPoints = total(waifuShares);
    const llamaPoints = total(llamaShares);

    const config = await configFor(client, epoch);
    const { waifuPoolWei: waifuPool, llamaPoolWei: llamaPool } = epochPools(config, waifuPoints, llamaPoints);
    const waifuTokens = splitPool(waifuPool, waifuShares);
    const llamaTokens = splitPool(llamaPool, llamaShares);

    const bribes = await bribesAt(client, start);
    const staking = await stakeWeights(client, [...bribes.keys()], start, end, config.esheuWeightPpm);

    const minerRows: string[][] = [];
    const stakerRows: string[][] = [];
    const grants = new Map<string, bigint>(); // "role\trecipient" → wei
    const grant = (role: string, recipient: string, wei: bigint) => {
      if (wei > 0n) grants.set(`${role}\t${recipient}`, (grants.get(`${role}\t${recipient}`) ?? 0n) + wei);
    };
    for (const m of miners) {
      const tokens = (waifuTokens.get(m.minerId) ?? 0n) + (llamaTokens.get(m.minerId) ?? 0n);
      const bps = bribes.get(m.minerId) ?? 0;
      const weights = staking.get(m.minerId) ?? new Map<string, bigint>();
      const split = splitNodeReward(tokens, bps, weights);
      const stakersWei = tokens - split.operator;
      minerRows.push([m.minerId, m.wallet, m.waifu, m.llama, waifuTokens.get(m.minerId) ?? 0n, llamaTokens.get(m.minerId) ?? 0n, bps, split.operator, stakersWei].map(String));
      grant("miner", m.wallet, split.operator);
      for (const [staker, wei] of split.stakers) {
        stakerRows.push([m.minerId, staker, weights.get(staker) ?? 0n, wei].map(String));
        grant("staker", staker, wei);
      }
    }

    await client.query(
      `INSERT INTO epochs (number, starts_at, ends_at, ledger_cutoff, config_id, waifu_pool_wei, llama_pool_wei, waifu_points_micro, llama_points_micro,
                           late_points_micro, adjust_points_micro, miner_count, settled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        epoch,
        start,
        end,
        cutoff.toString(),
        config.id,
        waifuPool.toString(),
        llamaPool.toString(),
        waifuPoints.toString(),
        llamaPoints.toString(),
        late.toString(),
        adjust.toString(),
        miners.length,
        now,
      ],
    );
    if (minerRows.length) {
      const col = (i: number) => minerRows.map((r) => r[i]);
      await client.query(
        `INSERT INTO epoch_miner_rewards (epoch, miner_id, wallet, waifu_points_micro, llama_points_micro, waifu_tokens_wei, llama_tokens_wei, bribe_bps, operator_wei, stakers_wei)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::numeric[], $7::numeric[], $8::int[], $9::numeric[], $10::numeric[])`,
        [epoch, col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8)],
      );
    }
    if (stakerRows.length) {
      const col = (i: number) => stakerRows.map((r) => r[i]);
      await client.query(
        `INSERT INTO epoch_staker_rewards (epoch, miner_id, staker, weight, tokens_wei) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::numeric[], $5::numeric[])`,
        [epoch, col(0), col(1), col(2), col(3)],
      );
    }
    if (grants.size) {
      const keys = [...grants.keys()].sort();
      await client.query(
        `INSERT INTO esheu_grants (epoch, role, recipient, amount_wei, vest_start, vest_end)
         SELECT $1, role, recipient, amount, $4, $5 FROM unnest($2::text[], $3::text[], $6::numeric[]) AS g(role, recipient, amount)`,
        [epoch, keys.map((k) => k.split("\t")[0]), keys.map((k) => k.split("\t")[1]), end, new Date(end.getTime() + VESTING_MS), keys.map((k) => grants.get(k)!.toString())],
      );
    }
    await storeRewardTree(client, epoch, end);
    await client.query("COMMIT");
    return {
      epoch,
      miners: miners.length,
      stakers: new Set(stakerRows.map((r) => r[1])).size,
      waifuPoolWei: waifuPool,
      llamaPoolWei: llamaPool,
      waifuPointsMicro: waifuPoints,
      llamaPointsMicro: llamaPoints,
    };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Every epoch that ended at least `graceMs` ago and is not settled yet, oldest first, each in turn. */
export async function settleDueEpochs(pool: pg.Pool, now = new Date(), onSettled?: (r: SettleResult) => void, graceMs = 0): Promise<SettleResult[]> {
  // The first bucket may still be pending.
  await foldAll(pool);
  const [progress] = await queryTyped(pool, settlementProgress());
  const { last, closed, first } = progress!;
  if (last === null && closed === null && first === null) return [];
  const results: SettleResult[] = [];
  // The first bucket (index order: no ledger scan); an epoch closed before the first settlement stopped comes first.
  for (let n = last !== null ? last + 1 : (closed ?? first)!; epochEnd(n).getTime() <= now.getTime() - graceMs; n++) {
    const r = await settleEpoch(pool, n, now);
    results.push(r);
    onSettled?.(r);
  }
  return results;
}
