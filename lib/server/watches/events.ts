import "server-only";
import type pg from "pg";
import { formatBps } from "@/lib/market/amount";
import { watchBribeEvents, watchEpochEvents, watchSlashEvents, watchStakeEvents } from "../generated/prisma/sql";
import { weiToHeuString } from "../queries/epochs";
import { yieldsAtBribes } from "../market/query";
import { queryTyped } from "../typed-pg";

// The watched events (decision 0035): each source row since the watch was created (and within the
// last two days: an evaluation that did not run for longer does not replay history) becomes one
// alert per watch, keyed by the row, so evaluating twice raises nothing twice. A wallet target
// covers its nodes, whose miner IDs start with it. One query per source: prisma/sql/watch*Events.sql.

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

const heu = (wei: string) => `${weiToHeuString(wei.replace(/^-/, ""))}`;
const pctText = (y: number | null) => (y === null ? "no estimate" : `${y.toLocaleString("en-US", { maximumSignificantDigits: 2 })} % a year`);

async function bribeEvents(db: pg.PoolClient, now: Date): Promise<WatchEvent[]> {
  const rows = await queryTyped(db, watchBribeEvents(now));
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
  const rows = await queryTyped(db, watchStakeEvents(now));
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
  const rows = await queryTyped(db, watchSlashEvents(now));
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
  const rows = await queryTyped(db, watchEpochEvents(now));
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
