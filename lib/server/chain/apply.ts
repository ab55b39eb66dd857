import "server-only";
import type pg from "pg";
import { eventJson, ZERO_ADDRESS, type ChainLog } from "./events";

/**
 * Applies logs to the chain tables inside the caller's transaction. Each log is recorded in
 * `chain_events` under its (block, log index); a log already there is skipped, so applying the
 * same range twice (a restart after a crash, an overlapping fetch) changes nothing.
 * Returns how many logs were new.
 */
export async function applyChainLogs(client: pg.PoolClient, logs: readonly ChainLog[]): Promise<number> {
  const ordered = [...logs].sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1));
  let applied = 0;
  for (const log of ordered) {
    const inserted = await client.query(
      `INSERT INTO chain_events (block_number, log_index, block_hash, tx_hash, block_time, contract, name, args)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [log.blockNumber.toString(), log.logIndex, log.blockHash, log.txHash, log.blockTime, log.contract, log.event.name, eventJson(log.event)],
    );
    if (inserted.rowCount === 0) continue;
    await applyOne(client, log);
    applied++;
  }
  return applied;
}

async function applyOne(client: pg.PoolClient, log: ChainLog): Promise<void> {
  const e = log.event;
  switch (e.name) {
    case "Staked":
      return stakeChange(client, log, e.minerId, e.staker, e.token, e.amount, "stake");
    case "Unstaked":
      await stakeChange(client, log, e.minerId, e.staker, e.token, -e.amount, "unstake");
      if (e.lockId > 0n) {
        await client.query(`INSERT INTO stake_locks (lock_id, staker, miner_id, amount_wei, created_at, unlock_at) VALUES ($1, $2, $3, $4, $5, to_timestamp($6))`, [
          e.lockId.toString(),
          e.staker,
          e.minerId,
          e.amount.toString(),
          log.blockTime,
          Number(e.unlockAt),
        ]);
      }
      return;
    case "Withdrawn":
      await client.query("UPDATE stake_locks SET withdrawn_at = $2 WHERE lock_id = $1", [e.lockId.toString(), log.blockTime]);
      return;
    case "StakeMoved":
      if (e.fromMinerId === e.toMinerId) return; // the same node spelled in two cases: no change
      await stakeChange(client, log, e.fromMinerId, e.staker, e.token, -e.amount, "move_out");
      await stakeChange(client, log, e.toMinerId, e.staker, e.token, e.amount, "move_in");
      return;
    case "BribeSet":
      await client.query(
        `INSERT INTO bribe_changes (block_number, log_index, miner_id, operator, bps, effective_epoch, effective_at, set_at)
         VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7), $8)`,
        [log.blockNumber.toString(), log.logIndex, e.minerId, e.operator, e.bps, Number(e.effectiveEpoch), Number(e.effectiveAt), log.blockTime],
      );
      return;
    case "Transfer":
      if (e.from === e.to) return; // to oneself: the count is unchanged
      if (e.from !== ZERO_ADDRESS) await nftChange(client, log, e.from, -1);
      if (e.to !== ZERO_ADDRESS) await nftChange(client, log, e.to, 1);
      return;
    case "Granted":
    case "Claimed":
      return; // kept in chain_events; vesting is read from there
    case "RootPublished":
      await client.query(`INSERT INTO reward_publications (epoch, root, total_wei, vest_start, tx_hash, block_number, at) VALUES ($1, $2, $3, to_timestamp($4), $5, $6, $7)`, [
        e.epoch,
        e.root,
        e.total.toString(),
        Number(e.vestStart),
        log.txHash,
        log.blockNumber.toString(),
        log.blockTime,
      ]);
      return;
    case "RewardClaimed":
      await client.query(`INSERT INTO reward_claims (epoch, account, amount_wei, miner_id, tx_hash, block_number, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        e.epoch,
        e.account,
        e.amount.toString(),
        e.minerId || null,
        log.txHash,
        log.blockNumber.toString(),
        log.blockTime,
      ]);
      return;
  }
}

async function stakeChange(client: pg.PoolClient, log: ChainLog, minerId: string, staker: string, token: number, delta: bigint, kind: string) {
  const args = [log.blockNumber.toString(), log.logIndex, minerId, staker, token, delta.toString(), kind, log.blockTime];
  await client.query(`INSERT INTO stake_changes (block_number, log_index, miner_id, staker, token, delta_wei, kind, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, args);
  await addOrInsert(
    client,
    "UPDATE stake_positions SET amount_wei = amount_wei + $4 WHERE miner_id = $1 AND staker = $2 AND token = $3 RETURNING amount_wei::text AS v",
    "INSERT INTO stake_positions (miner_id, staker, token, amount_wei) VALUES ($1, $2, $3, $4) RETURNING amount_wei::text AS v",
    [minerId, staker, token, delta.toString()],
  );
  const stake = await addOrInsert(
    client,
    "UPDATE node_stakes SET stake_wei = stake_wei + $2, block_number = $3, updated_at = $4 WHERE miner_id = $1 RETURNING stake_wei::text AS v",
    "INSERT INTO node_stakes (miner_id, stake_wei, block_number, updated_at) VALUES ($1, $2, $3, $4) RETURNING stake_wei::text AS v",
    [minerId, delta.toString(), log.blockNumber.toString(), log.blockTime],
  );
  await client.query(`INSERT INTO node_stake_history (miner_id, at, block_number, log_index, stake_wei) VALUES ($1, $2, $3, $4, $5)`, [
    minerId,
    log.blockTime,
    log.blockNumber.toString(),
    log.logIndex,
    stake,
  ]);
}

async function nftChange(client: pg.PoolClient, log: ChainLog, wallet: string, delta: number) {
  const count = await addOrInsert(
    client,
    "UPDATE wallet_nfts SET nft_count = nft_count + $2, block_number = $3, updated_at = $4 WHERE wallet = $1 RETURNING nft_count::text AS v",
    "INSERT INTO wallet_nfts (wallet, nft_count, block_number, updated_at) VALUES ($1, $2, $3, $4) RETURNING nft_count::text AS v",
    [wallet, delta, log.blockNumber.toString(), log.blockTime],
  );
  await client.query(`INSERT INTO wallet_nft_history (wallet, at, block_number, log_index, nft_count) VALUES ($1, $2, $3, $4, $5)`, [
    wallet,
    log.blockTime,
    log.blockNumber.toString(),
    log.logIndex,
    Number(count),
  ]);
}

/**
 * Adds to a running total, inserting the row the first time. (Not INSERT … ON CONFLICT: the
 * non-negative CHECK is evaluated on the proposed row, so a withdrawal would fail it.) Only the
 * indexer writes these tables, one transaction at a time, so update-then-insert cannot race.
 */
async function addOrInsert(client: pg.PoolClient, update: string, insert: string, args: unknown[]): Promise<string> {
  const updated = await client.query<{ v: string }>(update, args);
  const row = updated.rows[0] ?? (await client.query<{ v: string }>(insert, args)).rows[0];
  return row!.v;
}
