import "server-only";
import type pg from "pg";
import { formatBps } from "@/lib/market/amount";
import { weiToHeuString } from "../queries/epochs";
import { yieldsAtBribes } from "../market/query";

// The watched events (decision 0035): each source row since the watch was created (and within the
// last two days: an evaluation that did not run for longer does not replay history) becomes one
// alert per watch, keyed by the row, so evaluating twice raises nothing twice. A wallet target
// covers its nodes, whose miner IDs start with it.

export interface WatchEvent {
  watchId: string;
  kind: "node_bribe" | "node_stake" | "miner_slash" | "epoch";
  subject: string;
  wallet: string;
  eventKey: string;
  at: Date;
  title: string;
  detail: Record<string, unknown>;
}

/** An event about `subject` (a miner ID, or a wallet); its wallet is the address the subject starts with. */
const eventOf = (watchId: string, kind: WatchEvent["kind"], subject: string, eventKey: string, at: Date, title: string, detail: Record<string, unknown>): WatchEvent => ({
  watchId,
  kind,
  subject,
  wallet: subject.split("-")[0]!,
  eventKey,
  at,
  title,
  detail,
});

const SINCE = "greatest(w.created_at, $1::timestamptz - interval '2 days')";
/** Not raised yet for this watch: evaluations after the first read only what is new. */
const fresh = (key: string) => `NOT EXISTS (SELECT 1 FROM alerts x WHERE x.watch_id = w.id AND x.event_key = ${key})`;
/** A watch target covers a miner ID `col` when it is that ID or the wallet it starts with. */
const covers = (col: string) => `(${col} = w.target OR split_part(${col}, '-', 1) = w.target)`;
const heu = (wei: string) => `${weiToHeuString(wei.replace(/^-/, ""))}`;
const pctText = (y: number | null) => (y === null ? "no estimate" : `${y.toLocaleString("en-US", { maximumSignificantDigits: 2 })} % a year`);

async function bribeEvents(db: pg.PoolClient, now: Date): Promise<WatchEvent[]> {
  const { rows } = await db.query<{
    watch_id: string;
    miner_id: string;
    block: string;
    log_index: number;
    set_at: Date;
    bps: number;
    effective_epoch: number;
    effective_at: Date;
    previous: number | null;
  }>(
    `SELECT w.id::text AS watch_id, b.miner_id, b.block_number::text AS block, b.log_index, b.set_at, b.bps, b.effective_epoch, b.effective_at,
            (SELECT p.bps FROM bribe_changes p WHERE p.miner_id = b.miner_id AND (p.block_number, p.log_index) < (b.block_number, b.log_index)
              ORDER BY p.block_number DESC, p.log_index DESC LIMIT 1) AS previous
       FROM watches w JOIN bribe_changes b ON ${covers("b.miner_id")}
      WHERE w.kind = 'node_bribe' AND b.set_at >= ${SINCE} AND ${fresh("'bribe:' || b.block_number || ':' || b.log_index")}`,
    [now],
  );
  const out: WatchEvent[] = [];
  for (const r of rows) {
    const [before, after] = await yieldsAtBribes(db, r.miner_id, [r.previous, r.bps]);
    const title = `${r.miner_id}: bribe ${r.previous === null ? "set to" : `${formatBps(r.previous)} →`} ${formatBps(r.bps)} from epoch ${r.effective_epoch}`;
    out.push(
      eventOf(r.watch_id, "node_bribe", r.miner_id, `bribe:${r.block}:${r.log_index}`, r.set_at, title, {
        fromBps: r.previous,
        toBps: r.bps,
        effectiveEpoch: r.effective_epoch,
        effectiveAt: r.effective_at.toISOString(),
        stakerYieldBeforePercent: before ?? null,
        stakerYieldAfterPercent: after ?? null,
        yieldNote: `a staker's estimated yield for the market's default stake: ${pctText(before ?? null)} before, ${pctText(after ?? null)} after`,
      }),
    );
  }
  return out;
}

async function stakeEvents(db: pg.PoolClient, now: Date): Promise<WatchEvent[]> {
  const { rows } = await db.query<{ watch_id: string; id: string; miner_id: string; staker: string; token: number; delta: string; kind: string; at: Date }>(
    `SELECT w.id::text AS watch_id, s.id::text, s.miner_id, s.staker, s.token, s.delta_wei::text AS delta, s.kind, s.at
       FROM watches w JOIN stake_changes s ON ${covers("s.miner_id")}
      WHERE w.kind = 'node_stake' AND s.at >= ${SINCE} AND ${fresh("'stake:' || s.id")}`,
    [now],
  );
  return rows.map((r) => {
    const token = r.token === 1 ? "esHEU" : "HEU";
    const into = !r.delta.startsWith("-");
    const title = `${r.miner_id}: ${heu(r.delta)} ${token} ${into ? "staked in" : "taken out"} by ${r.staker}`;
    return eventOf(r.watch_id, "node_stake", r.miner_id, `stake:${r.id}`, r.at, title, {
      staker: r.staker,
      token,
      amountWei: r.delta.replace(/^-/, ""),
      direction: into ? "in" : "out",
      how: r.kind,
    });
  });
}

async function slashEvents(db: pg.PoolClient, now: Date): Promise<WatchEvent[]> {
  const { rows } = await db.query<{
    watch_id: string;
    id: string;
    action: string;
    target_kind: string;
    target: string;
    reason: string;
    waifu: string;
    llama: string;
    created_at: Date;
  }>(
    `SELECT w.id::text AS watch_id, a.id::text, a.action, a.target_kind, a.target, a.reason, a.waifu_micro::text AS waifu, a.llama_micro::text AS llama, a.created_at
       FROM watches w JOIN admin_actions a ON (${covers("a.target")} OR (a.target_kind = 'wallet' AND a.target = split_part(w.target, '-', 1)))
      WHERE w.kind = 'miner_slash' AND a.action IN ('slash', 'reversal') AND a.created_at >= ${SINCE} AND ${fresh("'admin:' || a.id")}`,
    [now],
  );
  return rows.map((r) =>
    eventOf(r.watch_id, "miner_slash", r.target, `admin:${r.id}`, r.created_at, `${r.target}: ${r.action === "slash" ? "slashed" : "slash reversed"}: ${r.reason}`.slice(0, 300), {
      action: r.action,
      targetKind: r.target_kind,
      reason: r.reason,
      waifuPointsMicro: r.waifu,
      llamaPointsMicro: r.llama,
    }),
  );
}

async function epochEvents(db: pg.PoolClient, now: Date): Promise<WatchEvent[]> {
  const { rows } = await db.query<{ watch_id: string; wallet: string; what: "settled" | "claimable"; epoch: number; at: Date; amount: string }>(
    `SELECT w.id::text AS watch_id, w.target AS wallet, 'settled' AS what, e.number AS epoch, e.settled_at AS at, sum(g.amount_wei)::text AS amount
       FROM watches w JOIN esheu_grants g ON g.recipient = w.target JOIN epochs e ON e.number = g.epoch
      WHERE w.kind = 'epoch' AND e.settled_at >= ${SINCE} AND ${fresh("'settled:' || e.number")}
      GROUP BY 1, 2, 3, 4, 5
     UNION ALL
     SELECT w.id::text, w.target, 'claimable', p.epoch, p.at, l.amount_wei::text
       FROM watches w JOIN reward_leaves l ON l.account = w.target JOIN reward_publications p ON p.epoch = l.epoch
      WHERE w.kind = 'epoch' AND p.at >= ${SINCE} AND ${fresh("'claimable:' || p.epoch")}`,
    [now],
  );
  return rows.map((r) => {
    const title = r.what === "settled" ? `Epoch ${r.epoch} settled: ${heu(r.amount)} esHEU for ${r.wallet}` : `Epoch ${r.epoch} is claimable on chain: ${heu(r.amount)} esHEU`;
    return eventOf(r.watch_id, "epoch", r.wallet, `${r.what}:${r.epoch}`, r.at, title, { epoch: r.epoch, amountWei: r.amount, what: r.what });
  });
}

/** Every event of every event watch since it was created, as of `now`. */
export async function watchEvents(db: pg.PoolClient, now: Date): Promise<WatchEvent[]> {
  const all: WatchEvent[] = [];
  // One statement at a time on the transaction's client.
  for (const read of [bribeEvents, stakeEvents, slashEvents, epochEvents]) all.push(...(await read(db, now)));
  return all;
}
