import "server-only";
import { BUCKET_MS } from "@/lib/heartbeats/buckets";
import { NODE_HISTORY_DAYS, type NodeHistory, type NodeHistoryDay, type StakePoint } from "@/lib/schemas/node-history";
import { readPrisma } from "../db";
import { knownNodes as knownNodesSql, nodeOnTimeByDay, nodeStakeSeries } from "../generated/prisma/sql";
import { availabilityByWindow, type Window } from "../heartbeats/availability-by-window";
import { heartbeatsSince } from "../heartbeats/availability";
import { toAvailability24h } from "./availability-24h";
import { getBribeHistory } from "./bribes";
import { heuOf, isoOf, onTimeOf } from "./convert";

// A node's history as a staker weighs it (issue 10, item 4): availability and on-time rate per UTC
// day for the last 30 days, total stake over those days as a step series, and the whole bribe
// history. Several nodes at once for the market's compare view: every read is one statement for
// all of them, except the bribe history (a handful of rows a node).

const DAY_MS = 86_400_000;

/** The last NODE_HISTORY_DAYS UTC days; today's ends at the start of the current 5-minute bucket, as availability24h's window does. */
export function historyDays(now: Date): (Window & { date: string })[] {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const measuredTo = Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS;
  return Array.from({ length: NODE_HISTORY_DAYS }, (_, i) => {
    const from = today - (NODE_HISTORY_DAYS - 1 - i) * DAY_MS;
    return { date: new Date(from).toISOString().slice(0, 10), from: new Date(from), to: new Date(Math.min(from + DAY_MS, measuredTo)) };
  });
}

async function knownNodes(minerIds: readonly string[]): Promise<string[]> {
  return (await readPrisma().$queryRawTyped(knownNodesSql([...minerIds]))).map((r) => r.miner_id);
}

/** Jobs received and completed in time per node and UTC day, from the hourly rollups. */
async function onTimeByDay(minerIds: readonly string[], from: Date, to: Date) {
  const rows = await readPrisma().$queryRawTyped(nodeOnTimeByDay([...minerIds], from, to));
  return new Map(rows.map((r) => [`${r.miner_id} ${r.date}`, onTimeOf(r.completed, r.jobs)]));
}

/**
 * Each node's total stake from `from` on: the value in force at `from` (the last change before it,
 * or 0 when the first change falls inside the window), every change after it (the last of several
 * at one instant), and the value now. Nodes never staked on get no points.
 */
async function stakeSeries(minerIds: readonly string[], from: Date, now: Date): Promise<Map<string, StakePoint[]>> {
  const rows = await readPrisma().$queryRawTyped(nodeStakeSeries([...minerIds], from));
  const out = new Map<string, StakePoint[]>();
  const point = (at: Date, wei: string, kind: StakePoint["kind"]): StakePoint => ({ at: isoOf(at), stakeWei: wei, stake: heuOf(wei), kind });
  for (const r of rows) {
    let list = out.get(r.miner_id);
    if (!list) out.set(r.miner_id, (list = r.is_before ? [] : [point(from, "0", "start")]));
    list.push(r.is_before ? point(from, r.stake_wei, "start") : point(r.at, r.stake_wei, "change"));
  }
  for (const list of out.values()) {
    const last = list.at(-1)!;
    list.push(point(new Date(Math.max(now.getTime(), Date.parse(last.at))), last.stakeWei, "now"));
  }
  return out;
}

/** The history of each known node among `minerIds` (unknown ones, never having reported a job, are absent). */
export async function getNodeHistories(minerIds: readonly string[], now = new Date()): Promise<Map<string, NodeHistory>> {
  const ids = await knownNodes(minerIds);
  const out = new Map<string, NodeHistory>();
  if (ids.length === 0) return out;
  const days = historyDays(now);
  const from = days[0]!.from;
  const [availability, onTime, stake, bribes] = await Promise.all([
    heartbeatsSince().then((since) => availabilityByWindow(ids, days, since)),
    onTimeByDay(ids, from, new Date(from.getTime() + NODE_HISTORY_DAYS * DAY_MS)),
    stakeSeries(ids, from, now),
    Promise.all(ids.map((id) => getBribeHistory(id, now))),
  ]);
  ids.forEach((id, n) => {
    const perDay: NodeHistoryDay[] = days.map((d, i) => ({
      date: d.date,
      from: isoOf(d.from),
      to: isoOf(d.to),
      availability: toAvailability24h(availability.get(id)![i]!),
      onTime: onTime.get(`${id} ${d.date}`) ?? onTimeOf(0, 0),
    }));
    out.set(id, { minerId: id, from: isoOf(from), asOf: isoOf(now), days: perDay, stake: stake.get(id) ?? [], bribes: bribes[n]! });
  });
  return out;
}

/** One node's history; null when no node with this ID has reported a job. */
export async function getNodeHistory(minerId: string, now = new Date()): Promise<NodeHistory | null> {
  return (await getNodeHistories([minerId], now)).get(minerId) ?? null;
}
