// Node history (issue 10, item 4): a node's last 30 UTC days as the miner page and the market's
// compare view chart them: availability per day (heartbeats, or received jobs before they began),
// the on-time rate per day, total stake as a step series from the indexed stake changes, and the
// bribe history with a pending change. Fresh miner IDs only: the database is shared by every file.
import { beforeAll, describe, expect, test } from "vitest";
import { POST as postHeartbeat } from "@/app/api/v1/heartbeats/route";
import { POST as postJobs } from "@/app/api/v1/jobs/route";
import { GET as getHistory } from "@/app/api/v1/miners/[minerId]/history/route";
import { BUCKET_MS } from "@/lib/heartbeats/buckets";
import { coverageStart } from "@/lib/heartbeats/coverage";
import { epochAtSec as epochAt, epochStartSec } from "@/lib/rewards/epoch";
import type { NodeHistory } from "@/lib/schemas/node-history";
import { TOKEN_ESHEU, TOKEN_HEU } from "@/lib/server/chain/events";
import { availabilityOf, heartbeatsSince } from "@/lib/server/heartbeats/availability";
import { toAvailability24h } from "@/lib/server/queries/availability-24h";
import { getBribeHistory } from "@/lib/server/queries/bribes";
import { getNodeHistories, getNodeHistory } from "@/lib/server/queries/node-history";
import { applyFakeChainEvents, db, foldNow, imageJob, randomWallet, signedRequest } from "../support/fixtures";

const E18 = 10n ** 18n;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();
const today = Math.floor(now.getTime() / DAY) * DAY;
const windowStart = today - 29 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms).slice(0, 10);

const op = randomWallet();
/** Jobs, heartbeats, stake before and inside the window, a bribe in force and one pending. */
const node = `${op}-hist`;
/** One job, nothing on chain. */
const bare = `${op}-bare`;
/** Seen by the router in every bucket of yesterday and today; one job, five days ago. */
const always = `${op}-always`;
/** Staked on for the first time inside the window. */
const fresh = `${op}-fresh`;
const staker = randomWallet();
/** Five days ago: surely before the router's heartbeats began (they are accepted only for the last 24 h). */
const oldDay = today - 5 * DAY;
/** A heartbeat posted through the route two hours ago: coverage has begun by then at the latest. */
const beatAt = now.getTime() - 2 * HOUR;

const cur = epochAt(Math.floor(now.getTime() / 1000));
const epochMs = (n: number) => epochStartSec(n) * 1000;

const stake = (minerId: string, heu: bigint, at: number, token = TOKEN_HEU) => ({
  event: { name: "Staked" as const, minerId, staker, token, amount: heu * E18 },
  at: new Date(at),
});
const bribe = (bps: number, epoch: number, at: number) => ({
  event: { name: "BribeSet" as const, minerId: node, operator: op, bps, effectiveEpoch: BigInt(epoch), effectiveAt: BigInt(epochStartSec(epoch)) },
  at: new Date(at),
});

async function api(minerId: string) {
  const res = await getHistory(new Request(`http://localhost/api/v1/miners/${minerId}/history`), { params: Promise.resolve({ minerId }) });
  return { status: res.status, body: await res.json() };
}

let history: NodeHistory;

beforeAll(async () => {
  const jobs = await postJobs(
    signedRequest({
      jobs: [
        // Five days ago: two jobs in hour 10, a failed one in hour 11 (received, so available).
        imageJob({ miner_id: node, completed_at: iso(oldDay + 10 * HOUR + 5 * 60_000) }),
        imageJob({ miner_id: node, completed_at: iso(oldDay + 10 * HOUR + 40 * 60_000) }),
        imageJob({ miner_id: node, completed_at: iso(oldDay + 11 * HOUR + 15 * 60_000), status: "failed" }),
        imageJob({ miner_id: node, completed_at: iso(now.getTime() - 3 * HOUR) }),
        imageJob({ miner_id: bare, completed_at: iso(oldDay + 7 * HOUR) }),
        imageJob({ miner_id: always, completed_at: iso(oldDay + 7 * HOUR) }),
        imageJob({ miner_id: fresh, completed_at: iso(now.getTime() - 60_000) }),
      ],
    }),
  );
  expect(jobs.status).toBe(200);
  await foldNow(); // what the worker's folder does within a second (decision 0024)
  // Heartbeats: one through the route (it also makes sure coverage has begun), and whole days of
  // bits for yesterday and today written directly, as the router would have sent them.
  const beat = await postHeartbeat(signedRequest({ at: iso(beatAt), minerIds: [node, always] }, { url: "http://localhost/api/v1/heartbeats" }));
  expect(beat.status).toBe(200);
  await db().query(
    `INSERT INTO node_heartbeats (miner_id, day, buckets) VALUES ($1, $2::date, repeat('1', 288)::bit(288)), ($1, $3::date, repeat('1', 288)::bit(288))
     ON CONFLICT (miner_id, day) DO UPDATE SET buckets = excluded.buckets`,
    [always, dateOf(today - DAY), dateOf(today)],
  );
  await db().query(
    `INSERT INTO node_heartbeats (miner_id, day, buckets) VALUES ($1, $2::date, repeat('10', 144)::bit(288))
     ON CONFLICT (miner_id, day) DO UPDATE SET buckets = node_heartbeats.buckets | excluded.buckets`,
    [node, dateOf(today - DAY)],
  );
  await db().query(
    `INSERT INTO node_heartbeats (miner_id, day, buckets) VALUES ($1, $2::date, repeat('1100', 72)::bit(288))
     ON CONFLICT (miner_id, day) DO UPDATE SET buckets = node_heartbeats.buckets | excluded.buckets`,
    [node, dateOf(today)],
  );
  // Stake in time order (the indexer applies blocks in order): 10,000 before the window, then
  // changes inside it, two of them in the same instant.
  const sameInstant = today - 2 * DAY + 7 * HOUR;
  await applyFakeChainEvents([
    stake(node, 10_000n, today - 40 * DAY),
    stake(node, 5_000n, today - 10 * DAY),
    stake(node, 1_000n, sameInstant),
    stake(node, 500n, sameInstant, TOKEN_ESHEU),
    { event: { name: "StakeMoved", fromMinerId: node, toMinerId: `${op}-elsewhere`, staker, token: TOKEN_HEU, amount: 2_500n * E18 }, at: new Date(today - DAY + HOUR) },
    stake(fresh, 7_000n, today - 3 * DAY),
    bribe(3000, cur - 2, epochMs(cur - 2) - 2 * DAY), // in force two epochs ago
    bribe(1500, cur, epochMs(cur) - DAY), // in force now
    bribe(1000, cur + 1, Math.max(epochMs(cur), now.getTime() - 1_000)), // pending: a cut from the next epoch
  ]);
  history = (await getNodeHistory(node, now))!;
});

describe("getNodeHistory: availability and on-time rate per UTC day", () => {
  test("30 days, oldest first, today last and measured up to the current 5-minute bucket", () => {
    expect(history.days).toHaveLength(30);
    expect(history.from).toBe(iso(windowStart));
    expect(history.days.map((d) => d.date)).toEqual(Array.from({ length: 30 }, (_, i) => dateOf(windowStart + i * DAY)));
    expect(history.days[0]).toMatchObject({ from: iso(windowStart), to: iso(windowStart + DAY) });
    expect(history.days[29]).toMatchObject({ from: iso(today), to: iso(Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS) });
  });

  test("each day's availability equals availabilityOf over that day, for every node read in the same pass", async () => {
    const since = await heartbeatsSince();
    const both = await getNodeHistories([bare, node, `${randomWallet()}-never`], now);
    expect([...both.keys()].sort()).toEqual([bare, node].sort());
    for (const id of [node, bare]) {
      const h = both.get(id)!;
      for (const d of h.days) {
        const expected = (await availabilityOf([id], new Date(d.from), new Date(d.to), since)).get(id)!;
        expect(d.availability, `${id} ${d.date}`).toEqual(toAvailability24h(expected));
      }
    }
    // Heartbeats were counted where they cover the day: a node seen in every bucket is available
    // in every one of them (it had no job those days), a node never seen in none.
    const recent = (h: NodeHistory) => h.days.slice(-2).map((d) => d.availability);
    const seen = recent((await getNodeHistory(always, now))!);
    expect(seen.reduce((n, a) => n + a.heartbeatBuckets, 0)).toBeGreaterThanOrEqual(11); // at least [now − 1 h, now − 5 min)
    for (const a of seen) expect(a.onlineBuckets).toBe(a.heartbeatBuckets);
    for (const a of recent(both.get(bare)!)) expect(a.onlineBuckets).toBe(0);
  });

  test("a day before the router's heartbeats began is measured from received jobs and says so", async () => {
    const since = (await heartbeatsSince())!;
    expect(oldDay + DAY).toBeLessThanOrEqual(coverageStart(since)!.getTime());
    const day = history.days.find((d) => d.date === dateOf(oldDay))!;
    // Hours 10 and 11 had a received job (the failed one counts): 2 × 12 of 288 buckets.
    expect(day.availability).toEqual({ ratio: 24 / 288, onlineBuckets: 24, buckets: 288, heartbeatBuckets: 0, source: "jobs" });
    expect(day.onTime).toEqual({ ratio: 2 / 3, completed: 2, jobs: 3 });
    const idle = history.days.find((d) => d.date === dateOf(oldDay - DAY))!;
    expect(idle.availability).toEqual({ ratio: 0, onlineBuckets: 0, buckets: 288, heartbeatBuckets: 0, source: "jobs" });
    expect(idle.onTime).toEqual({ ratio: null, completed: 0, jobs: 0 });
  });
});

describe("getNodeHistory: total stake over time", () => {
  test("the steps are the indexed stake changes: the value in force at the window's start, each change, the value now", async () => {
    const { rows } = await db().query<{ at: Date; stake_wei: string }>(
      "SELECT at, stake_wei::text FROM node_stake_history WHERE miner_id = $1 ORDER BY at, block_number, log_index",
      [node],
    );
    expect(rows).toHaveLength(5);
    const before = rows.filter((r) => r.at.getTime() <= windowStart).at(-1)!;
    // The last change of each instant inside the window.
    const inside = [...new Map(rows.filter((r) => r.at.getTime() > windowStart).map((r) => [r.at.getTime(), r.stake_wei])).entries()];
    expect(history.stake).toEqual([
      { at: iso(windowStart), stakeWei: before.stake_wei, stake: Number(BigInt(before.stake_wei) / E18), kind: "start" },
      ...inside.map(([at, wei]) => ({ at: iso(at), stakeWei: wei, stake: Number(BigInt(wei) / E18), kind: "change" })),
      { at: now.toISOString(), stakeWei: inside.at(-1)![1], stake: Number(BigInt(inside.at(-1)![1]) / E18), kind: "now" },
    ]);
    expect(history.stake.map((p) => p.stake)).toEqual([10_000, 15_000, 16_500, 14_000, 14_000]);
  });

  test("a node first staked inside the window starts at 0; a node never staked on has no steps", async () => {
    const nodes = await getNodeHistories([fresh, bare], now);
    expect(nodes.get(fresh)!.stake.map((p) => [p.kind, p.at, p.stake])).toEqual([
      ["start", iso(windowStart), 0],
      ["change", iso(today - 3 * DAY), 7_000],
      ["now", now.toISOString(), 7_000],
    ]);
    expect(nodes.get(bare)!.stake).toEqual([]);
    expect(nodes.get(bare)!.bribes).toMatchObject({ currentBps: null, pending: null, history: [] });
  });
});

describe("getNodeHistory: bribes", () => {
  test("the bribe history is getBribeHistory's, with the pending change and its epoch", async () => {
    expect(history.bribes).toEqual(await getBribeHistory(node, now));
    expect(history.bribes.currentBps).toBe(1500);
    expect(history.bribes.pending).toEqual({ bps: 1000, effectiveEpoch: cur + 1, effectiveAt: iso(epochMs(cur + 1)) });
    expect(history.bribes.history.find((h) => h.status === "pending")).toMatchObject({ bps: 1000, effectiveEpoch: cur + 1 });
  });
});

describe("GET /api/v1/miners/{minerId}/history", () => {
  test("answers the node's history (the ID in any case)", async () => {
    const { status, body } = await api(node.toUpperCase().replace("0X", "0x"));
    expect(status).toBe(200);
    expect(body).toMatchObject({ minerId: node, from: history.from, bribes: { pending: history.bribes.pending } });
    expect(body.days.slice(0, -1)).toEqual(history.days.slice(0, -1)); // today's end moved with the clock
    expect(body.stake.slice(0, -1)).toEqual(history.stake.slice(0, -1));
  });

  test("a malformed miner ID is a JSON 400 naming the parameter; an unknown one a JSON 404", async () => {
    const bad = await api("0x1234-rig");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "bad_request", details: [{ field: "minerId", reason: expect.stringContaining("wallet address") }] });
    const unknown = await api(`${randomWallet()}-nobody`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: "not_found" });
  });
});
