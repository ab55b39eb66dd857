// Webhook delivery (issue 15, decision 0036) against a real PostgreSQL and a real receiver on
// 127.0.0.1: signed like ingestion, JSON or Discord-shaped, retried after a 500 and a timeout with
// growing delays (time driven through `now`, never slept), given up after a day, never posted
// twice by two deliverers, redirects not followed. Disabling: webhooks-disable.test.ts; SSRF:
// webhooks-ssrf.test.ts.
import { createHmac } from "node:crypto";
import pino from "pino";
import { describe, expect, test, vi } from "vitest";
import { deliverDue } from "@/lib/server/watches/deliver";
import { deliverWebhooksTask } from "@/lib/server/worker/tasks/deliver-webhooks";
import { attemptRows, deliveryRow, insertWatch, LOCAL, queueAlert, SECRET, startReceiver, webhookFixture } from "../support/webhooks";

const f = webhookFixture("webhooks");
const t0 = new Date("2026-12-06T10:00:00.000Z");
const after = (ms: number, from = t0) => new Date(from.getTime() + ms);

describe("a delivery", () => {
  test("is posted once, signed with the watch's secret: HMAC-SHA256 of <timestamp>.<body>, as a receiver checks it", async () => {
    const watch = await insertWatch(f.pool, `${f.receiver.url}/hooks/heurist?token=abc`);
    const id = await queueAlert(f.pool, watch, t0);
    expect(await deliverDue(f.pool, { ...LOCAL, now: t0 })).toMatchObject({ delivered: 1, retrying: 0, gaveUp: 0 });
    expect(await deliverDue(f.pool, { ...LOCAL, now: after(60_000) })).toMatchObject({ delivered: 0 });

    expect(f.receiver.received).toHaveLength(1);
    const [req] = f.receiver.received;
    expect(req!.path).toBe("/hooks/heurist?token=abc");
    expect(req!.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": expect.stringContaining("Heurist"),
      "x-heurist-delivery": id,
      "x-heurist-event": "alert.raised",
      "x-heurist-timestamp": String(t0.getTime() / 1000),
    });
    const expected = `sha256=${createHmac("sha256", SECRET).update(`${req!.headers["x-heurist-timestamp"]}.${req!.body}`).digest("hex")}`;
    expect(req!.headers["x-heurist-signature"]).toBe(expected);
    const forged = `sha256=${createHmac("sha256", "another-secret").update(`${req!.headers["x-heurist-timestamp"]}.${req!.body}`).digest("hex")}`;
    expect(req!.headers["x-heurist-signature"]).not.toBe(forged);
    expect(JSON.parse(req!.body)).toMatchObject({ type: "alert.raised", watch: { id: watch }, alerts: [{ title: "miner-7 has been idle for 30 minutes" }] });

    expect(await deliveryRow(f.pool, id)).toMatchObject({ attempts: 1, delivered_at: t0, next_attempt_at: null, gave_up_at: null });
    expect(await attemptRows(f.pool, id)).toMatchObject([{ attempt: 1, status: 200, error: null }]);
  });

  test("to a Discord-format watch is a Discord webhook message (content and embeds), signed the same way", async () => {
    const watch = await insertWatch(f.pool, `${f.receiver.url}/api/webhooks/1/abc`, "discord");
    await queueAlert(f.pool, watch, t0, "discord");
    await deliverDue(f.pool, { ...LOCAL, now: t0 });
    const body = JSON.parse(f.receiver.received[0]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      content: expect.stringContaining("1 alert raised"),
      embeds: [{ title: "miner-7 has been idle for 30 minutes" }],
      allowed_mentions: { parse: [] },
    });
    expect(body).not.toHaveProperty("type");
    const { headers, body: raw } = f.receiver.received[0]!;
    expect(headers["x-heurist-signature"]).toBe(`sha256=${createHmac("sha256", SECRET).update(`${headers["x-heurist-timestamp"]}.${raw}`).digest("hex")}`);
  });
});

describe("retries", () => {
  test("a 500 is logged with its status and a short excerpt of the answer, retried after the backoff, then delivered", async () => {
    const watch = await insertWatch(f.pool, f.receiver.url);
    await f.pool.query("UPDATE watches SET failures = 2 WHERE id = $1", [watch]);
    const id = await queueAlert(f.pool, watch, t0);
    f.receiver.answer({ status: 500, body: `database down ${"x".repeat(100_000)}` });

    expect(await deliverDue(f.pool, { ...LOCAL, now: t0 })).toMatchObject({ delivered: 0, retrying: 1 });
    const failed = await deliveryRow(f.pool, id);
    expect(failed).toMatchObject({ attempts: 1, delivered_at: null });
    const [first] = await attemptRows(f.pool, id);
    expect(first).toMatchObject({ attempt: 1, status: 500, error: expect.stringMatching(/^HTTP 500: database down x+$/) });
    expect(first!.error!.length).toBeLessThanOrEqual(220);
    expect(failed.next_attempt_at!.getTime() - first!.at.getTime()).toBe(10_000);

    // Not yet due: nothing is posted.
    await deliverDue(f.pool, { ...LOCAL, now: after(5_000) });
    expect(f.receiver.received).toHaveLength(1);
    expect(await deliverDue(f.pool, { ...LOCAL, now: failed.next_attempt_at! })).toMatchObject({ delivered: 1 });
    expect(f.receiver.received).toHaveLength(2);
    expect(f.receiver.received[1]!.headers["x-heurist-delivery"]).toBe(id);
    expect((await attemptRows(f.pool, id)).map((a) => a.status)).toEqual([500, 200]);
    expect(await deliveryRow(f.pool, id)).toMatchObject({ attempts: 2, next_attempt_at: null, delivered_at: failed.next_attempt_at });
    expect((await f.pool.query("SELECT failures FROM watches WHERE id = $1", [watch])).rows[0]).toEqual({ failures: 0 });
  });

  test("a receiver that never answers is logged as a timeout (no status) and retried", async () => {
    const watch = await insertWatch(f.pool, f.receiver.url);
    const id = await queueAlert(f.pool, watch, t0);
    f.receiver.answer("hang");
    expect(await deliverDue(f.pool, { ...LOCAL, timeoutMs: 300, now: t0 })).toMatchObject({ retrying: 1 });
    expect(f.receiver.received).toHaveLength(1);
    expect(await attemptRows(f.pool, id)).toMatchObject([{ status: null, error: "timed out after 300 ms" }]);
    const row = await deliveryRow(f.pool, id);
    expect(await deliverDue(f.pool, { ...LOCAL, timeoutMs: 300, now: row.next_attempt_at! })).toMatchObject({ delivered: 1 });
  });

  test("a refused connection is logged as such", async () => {
    const url = f.receiver.url;
    await f.receiver.close();
    const id = await queueAlert(f.pool, await insertWatch(f.pool, url), t0);
    await deliverDue(f.pool, { ...LOCAL, now: t0 });
    expect(await attemptRows(f.pool, id)).toMatchObject([{ status: null, error: "connection refused (ECONNREFUSED)" }]);
  });

  test("the delays grow (10 s, doubling, at most an hour) until a day after the delivery was created; then it is given up", async () => {
    f.receiver.otherwise(503);
    const id = await queueAlert(f.pool, await insertWatch(f.pool, f.receiver.url), t0);
    let tally;
    for (let now: Date | null = t0; now; now = (await deliveryRow(f.pool, id)).next_attempt_at) tally = await deliverDue(f.pool, { ...LOCAL, now });
    expect(tally).toMatchObject({ gaveUp: 1, retrying: 0 });

    const tries = await attemptRows(f.pool, id);
    expect(f.receiver.received).toHaveLength(tries.length);
    expect(tries.every((a) => a.status === 503)).toBe(true);
    const gaps = tries.slice(1).map((a, i) => (a.at.getTime() - tries[i]!.at.getTime()) / 1000);
    expect(gaps.slice(0, 9)).toEqual([10, 20, 40, 80, 160, 320, 640, 1280, 2560]);
    expect(gaps.slice(9, -1).every((g) => g === 3600)).toBe(true);
    expect(gaps.at(-1)).toBeLessThanOrEqual(3600);
    expect(tries.at(-1)!.at).toEqual(after(24 * 3600_000));
    expect(await deliveryRow(f.pool, id)).toMatchObject({ next_attempt_at: null, delivered_at: null, gave_up_at: after(24 * 3600_000), attempts: tries.length });
  });

  test("a redirect is a failed attempt, never followed (the receiver it points to gets nothing)", async () => {
    const elsewhere = await startReceiver();
    const id = await queueAlert(f.pool, await insertWatch(f.pool, f.receiver.url), t0);
    f.receiver.answer({ status: 307, headers: { location: `${elsewhere.url}/internal` } });
    expect(await deliverDue(f.pool, { ...LOCAL, now: t0 })).toMatchObject({ delivered: 0, retrying: 1 });
    expect(elsewhere.received).toHaveLength(0);
    await elsewhere.close();
    expect(await attemptRows(f.pool, id)).toMatchObject([{ status: 307, error: "HTTP 307: redirects are not followed" }]);
  });
});

test("four deliverers at once post every delivery exactly once", async () => {
  const watch = await insertWatch(f.pool, f.receiver.url);
  const ids: string[] = [];
  for (let i = 0; i < 50; i++) ids.push(await queueAlert(f.pool, watch, t0));
  for (let pass = 0; pass < 5; pass++) await Promise.all([1, 2, 3, 4].map(() => deliverDue(f.pool, { ...LOCAL, now: t0, batch: 7 })));
  const posted = f.receiver.received.map((r) => r.headers["x-heurist-delivery"]);
  expect(posted.sort()).toEqual([...ids].sort());
  const { rows } = await f.pool.query<{ n: number; delivered: number }>(
    "SELECT (SELECT count(*)::int FROM webhook_attempts) AS n, (SELECT count(*)::int FROM webhook_deliveries WHERE delivered_at IS NOT NULL) AS delivered",
  );
  expect(rows[0]).toEqual({ n: 50, delivered: 50 });
});

test("the worker's task posts what is due on its own, and its abort signal stops it, cutting an attempt short", async () => {
  const watch = await insertWatch(f.pool, f.receiver.url);
  const stop = new AbortController();
  const running = deliverWebhooksTask().run({ pool: f.pool, signal: stop.signal, logger: pino({ level: "silent" }) });
  const first = await queueAlert(f.pool, watch, new Date());
  await vi.waitFor(async () => expect((await deliveryRow(f.pool, first)).delivered_at).not.toBeNull(), { timeout: 20_000, interval: 50 });
  f.receiver.answer("hang");
  const second = await queueAlert(f.pool, watch, new Date());
  await vi.waitFor(() => expect(f.receiver.received).toHaveLength(2), { timeout: 20_000, interval: 50 });
  stop.abort();
  await running;
  expect(await attemptRows(f.pool, second)).toMatchObject([{ status: null, error: "cut short: the worker is stopping" }]);
  expect((await deliveryRow(f.pool, second)).next_attempt_at).not.toBeNull();
});
