// Watches evaluated by the worker (issue 15, decision 0035): each condition raises once per episode
// and resolves once when it clears, whatever the number of evaluations and across a restarted
// worker (a new connection pool, as a new process has); each event becomes one alert; a watch with a
// webhook gets one event per evaluation for what it raised and one for what it resolved; the public
// feeds carry the alerts as valid Atom. Only this file evaluates the shared database's watches.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { GET as minerFeed } from "@/app/api/v1/miners/[minerId]/feed.atom/route";
import { GET as walletFeed } from "@/app/api/v1/wallets/[address]/feed.atom/route";
import { createSlash } from "@/lib/server/admin/slash";
import { TOKEN_ESHEU } from "@/lib/server/chain/events";
import { evaluateWatches } from "@/lib/server/watches/evaluate";
import { createWatch } from "@/lib/server/watches/store";
import { applyFakeChainEvents, db, foldNow, imageJob, randomWallet, signedRequest, stakeOn } from "../support/fixtures";

const T0 = new Date("2025-11-03T12:00:00Z");
const min = (m: number) => new Date(T0.getTime() + m * 60_000);
const owner = randomWallet();
const pools: pg.Pool[] = [];

afterAll(async () => Promise.all(pools.map((p) => p.end())));

/** A worker that starts afresh: its own pool. */
function restartedWorker(): pg.Pool {
  const p = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  pools.push(p);
  return p;
}

async function jobsAt(...jobs: [string, Date][]) {
  const res = await POST(signedRequest({ jobs: jobs.map(([minerId, at]) => imageJob({ miner_id: minerId, completed_at: at.toISOString() })) }));
  expect(res.status).toBe(200);
  await foldNow();
}

const alertsOf = async (watchId: string) =>
  (await db().query("SELECT subject, event_key, opened_at, resolved_at, title, detail FROM alerts WHERE watch_id = $1 ORDER BY id", [watchId])).rows;
const deliveriesOf = async (watchId: string) =>
  (await db().query<{ event: string; body: string }>("SELECT event, body FROM webhook_deliveries WHERE watch_id = $1 ORDER BY id", [watchId])).rows;

describe("a wallet's GPUs going quiet", () => {
  const wallet = randomWallet();
  const [a, b] = [`${wallet}-a`, `${wallet}-b`];

  test("raises once per quiet GPU, resolves once when a job completes, across a restarted worker; a new quiet spell is a new episode", async () => {
    await jobsAt([a, min(-20)], [b, min(-1)]);
    const { watch } = await createWatch(owner, { kind: "gpu_idle", target: wallet, idleMinutes: 10, webhook: { url: "https://203.0.113.7/heurist", format: "json" } });

    expect(await evaluateWatches(db(), T0)).toMatchObject({ raised: 1, resolved: 0 });
    expect(await evaluateWatches(restartedWorker(), min(1))).toMatchObject({ raised: 0, resolved: 0 });
    let alerts = await alertsOf(watch.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ subject: a, resolved_at: null, title: `${a}: no completed job for 10 minutes` });
    expect(alerts[0].detail.lastJobAt).toBe(min(-20).toISOString());

    // b goes quiet too at minute 10; a completes a job at minute 11.
    expect(await evaluateWatches(db(), min(10))).toMatchObject({ raised: 1, resolved: 0 });
    await jobsAt([a, min(11)]);
    expect(await evaluateWatches(restartedWorker(), min(12))).toMatchObject({ raised: 0, resolved: 1 });
    expect(await evaluateWatches(db(), min(13))).toMatchObject({ raised: 0, resolved: 0 });
    alerts = await alertsOf(watch.id);
    expect(alerts.map((x) => [x.subject, x.resolved_at?.toISOString() ?? null])).toEqual([
      [a, min(12).toISOString()],
      [b, null],
    ]);

    // a is quiet again past minute 21: a second episode of a, b's still open.
    expect(await evaluateWatches(db(), min(22))).toMatchObject({ raised: 1, resolved: 0 });
    expect((await alertsOf(watch.id)).filter((x) => x.subject === a)).toHaveLength(2);

    // One webhook event per evaluation and kind of change, carrying its alerts.
    const sent = await deliveriesOf(watch.id);
    expect(sent.map((d) => [d.event, JSON.parse(d.body).alerts.map((x: { subject: string }) => x.subject)])).toEqual([
      ["alert.raised", [a]],
      ["alert.raised", [b]],
      ["alert.resolved", [a]],
      ["alert.raised", [a]],
    ]);
    expect(JSON.parse(sent[0]!.body)).toMatchObject({ type: "alert.raised", watch: { id: watch.id, kind: "gpu_idle", target: wallet } });
  });

  test("a watch of one GPU covers that GPU only; a Discord webhook gets a Discord message", async () => {
    const { watch } = await createWatch(owner, { kind: "gpu_idle", target: b, idleMinutes: 30, webhook: { url: "https://203.0.113.8/api/webhooks/1/x", format: "discord" } });
    expect(await evaluateWatches(db(), min(60))).toMatchObject({ raised: expect.any(Number) });
    expect((await alertsOf(watch.id)).map((x) => x.subject)).toEqual([b]);
    const body = JSON.parse((await deliveriesOf(watch.id))[0]!.body);
    expect(body).toMatchObject({ username: "Heurist Mining Points", content: `1 alert raised: gpu_idle on ${b}`, embeds: [{ title: `${b}: no completed job for 30 minutes` }] });
  });
});

describe("events", () => {
  test("stake moving on a wallet's node, a bribe change and a slash are each raised once, only after the watch was created", async () => {
    const wallet = randomWallet();
    const node = `${wallet}-n1`;
    await jobsAt([node, new Date(Date.now() - 60_000)]);
    await stakeOn(node, 1_000, new Date(Date.now() - 3_600_000)); // before the watch: not an alert
    const stake = (await createWatch(owner, { kind: "node_stake", target: wallet })).watch;
    const bribe = (await createWatch(owner, { kind: "node_bribe", target: node })).watch;
    const slash = (await createWatch(owner, { kind: "miner_slash", target: wallet })).watch;

    const staker = randomWallet();
    await stakeOn(node, 2_500, new Date(Date.now() + 1_000), staker, TOKEN_ESHEU);
    await applyFakeChainEvents([
      { event: { name: "BribeSet", minerId: node, operator: wallet, bps: 1_500, effectiveEpoch: 999n, effectiveAt: 1_900_000_000n }, at: new Date(Date.now() + 1_000) },
    ]);
    await createSlash(randomWallet(), { minerId: node, from: new Date(Date.now() - 120_000), to: new Date(), fraction: 1, reason: "lockstep with another wallet" });

    const later = new Date(Date.now() + 5_000);
    await evaluateWatches(db(), later);
    await evaluateWatches(restartedWorker(), later);

    const [stakeAlerts, bribeAlerts, slashAlerts] = await Promise.all([alertsOf(stake.id), alertsOf(bribe.id), alertsOf(slash.id)]);
    expect(stakeAlerts).toHaveLength(1);
    expect(stakeAlerts[0]).toMatchObject({ subject: node, title: `${node}: 2500 esHEU staked in by ${staker}` });
    expect(stakeAlerts[0].detail).toMatchObject({ staker, token: "esHEU", direction: "in", amountWei: (2_500n * 10n ** 18n).toString() });
    expect(bribeAlerts).toHaveLength(1);
    expect(bribeAlerts[0].title).toBe(`${node}: bribe set to 15 % from epoch 999`);
    expect(bribeAlerts[0].detail).toMatchObject({ fromBps: null, toBps: 1_500, effectiveEpoch: 999 });
    expect(slashAlerts).toHaveLength(1);
    expect(slashAlerts[0]).toMatchObject({ subject: node, title: `${node}: slashed: lockstep with another wallet` });
    // An event is over when it is raised: it never holds a watch in "alerting".
    for (const x of [...stakeAlerts, ...bribeAlerts, ...slashAlerts]) expect(x.resolved_at).toEqual(x.opened_at);
  });
});

describe("Atom feeds", () => {
  test("a GPU's quiet spell is in its miner's and its wallet's feed, as valid Atom with public facts only", async () => {
    const wallet = randomWallet();
    const gpu = `${wallet}-rig7`;
    await jobsAt([gpu, new Date(Date.now() - 40 * 60_000)]);
    const { webhookSecret } = await createWatch(owner, { kind: "gpu_idle", target: gpu, idleMinutes: 30, webhook: { url: "https://203.0.113.10/secret-abc", format: "json" } });
    await evaluateWatches(db());

    for (const feed of [
      await minerFeed(new Request("https://portal.test/f"), { params: Promise.resolve({ minerId: gpu }) }),
      await walletFeed(new Request("https://portal.test/f"), { params: Promise.resolve({ address: wallet }) }),
    ]) {
      expect(feed.status).toBe(200);
      expect(feed.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      const xml = await feed.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
      // RFC 4287: a feed has id, title, updated and an author; each entry id, title, updated.
      expect(doc.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
      for (const key of ["id", "title", "updated", "author"]) expect(doc.feed[key], key).toBeDefined();
      const entries = [doc.feed.entry].flat();
      const quiet = entries.find((e: { title: unknown }) => JSON.stringify(e.title).includes(`${gpu}: no completed job for 30 minutes`));
      expect(quiet).toBeDefined();
      for (const key of ["id", "title", "updated"]) expect(quiet[key], key).toBeDefined();
      expect(Date.parse(quiet.updated)).toBeGreaterThan(0);
      // No webhook, no secret, no watcher.
      for (const secret of [webhookSecret!, "203.0.113.10", owner]) expect(xml).not.toContain(secret);
    }
  });
});
