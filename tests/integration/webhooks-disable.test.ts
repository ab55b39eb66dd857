// Disabling a webhook that keeps failing, test events and re-enabling (issue 15, decision 0036),
// against a real PostgreSQL and a receiver on 127.0.0.1; time is driven through `now`.
import { createHmac } from "node:crypto";
import { expect, test } from "vitest";
import { deliverDue, EARLY_DISABLE_MS } from "@/lib/server/watches/deliver";
import { enableWebhook, queueTestEvent } from "@/lib/server/watches/webhook-controls";
import { deliveryRow, insertWatch, LOCAL, queueAlert, SECRET, watchRow, webhookFixture } from "../support/webhooks";

const f = webhookFixture("webhooks_disable");
const hour = 3_600_000;
const t0 = new Date("2026-12-06T10:00:00.000Z");
const after = (ms: number) => new Date(t0.getTime() + ms);
/** Created two days ago: its first failed attempt is also its last. */
const stale = after(-48 * hour);
const STRICT = { ...LOCAL, maxFailures: 3 };

test("after WEBHOOK_MAX_FAILURES deliveries in a row fail for good, the webhook is disabled with its reason and nothing more is posted", async () => {
  f.receiver.otherwise(500);
  const watch = await insertWatch(f.pool, f.receiver.url);
  for (let i = 0; i < 3; i++) await queueAlert(f.pool, watch, stale);
  const pending = await queueAlert(f.pool, watch, after(hour));

  const tally = await deliverDue(f.pool, { ...STRICT, now: t0 });
  const reason = `3 deliveries in a row failed; the last: HTTP 500 from ${f.receiver.host} at ${t0.toISOString()}`;
  expect(tally).toMatchObject({ gaveUp: 3, disabled: [{ watchId: watch, reason }] });
  expect(await watchRow(f.pool, watch)).toEqual({ failures: 3, disabled_at: t0, disabled_reason: reason });
  // Its pending delivery is stopped, never posted.
  expect(await deliveryRow(f.pool, pending)).toMatchObject({ attempts: 0, next_attempt_at: null, gave_up_at: t0 });
  // One queued behind the outbox's back (a race with the disable) is stopped without an attempt.
  await f.pool.query("INSERT INTO webhook_deliveries (watch_id, event, body, next_attempt_at, created_at) VALUES ($1, 'alert.raised', '{}', $2, $2)", [watch, after(2 * hour)]);
  expect(await deliverDue(f.pool, { ...STRICT, now: after(3 * hour) })).toMatchObject({ stopped: 1, delivered: 0, retrying: 0, gaveUp: 0 });
  expect(f.receiver.received).toHaveLength(3);
});

test("deliveries fail in a row only without a success between them", async () => {
  const watch = await insertWatch(f.pool, f.receiver.url);
  f.receiver.otherwise(500);
  for (let i = 0; i < 2; i++) await queueAlert(f.pool, watch, stale);
  await deliverDue(f.pool, { ...STRICT, now: t0 });
  expect(await watchRow(f.pool, watch)).toMatchObject({ failures: 2, disabled_at: null });
  f.receiver.otherwise(204);
  await queueAlert(f.pool, watch, t0);
  expect(await deliverDue(f.pool, { ...STRICT, now: t0 })).toMatchObject({ delivered: 1 });
  expect(await watchRow(f.pool, watch)).toMatchObject({ failures: 0 });
  f.receiver.otherwise(500);
  for (let i = 0; i < 2; i++) await queueAlert(f.pool, watch, stale);
  await deliverDue(f.pool, { ...STRICT, now: t0 });
  expect(await watchRow(f.pool, watch)).toMatchObject({ failures: 2, disabled_at: null });
});

/** Runs passes at each next due time until `stop` or nothing is due; returns the last pass's time. */
async function driveUntil(stop: (now: Date) => Promise<boolean>, until: Date): Promise<Date> {
  let now = t0;
  for (;;) {
    await deliverDue(f.pool, { ...STRICT, now });
    if (await stop(now)) return now;
    const { rows } = await f.pool.query<{ next: Date | null }>("SELECT min(next_attempt_at) AS next FROM webhook_deliveries");
    if (!rows[0]!.next || rows[0]!.next > until) return now;
    now = rows[0]!.next;
  }
}

test("a receiver that fails every attempt for 6 hours is disabled then, without waiting for the day", async () => {
  f.receiver.otherwise(502);
  const watch = await insertWatch(f.pool, f.receiver.url);
  const id = await queueAlert(f.pool, watch, t0);
  const disabledAt = await driveUntil(async () => (await watchRow(f.pool, watch)).disabled_at !== null, after(24 * hour));

  expect(disabledAt.getTime() - t0.getTime()).toBeGreaterThanOrEqual(EARLY_DISABLE_MS);
  expect(disabledAt.getTime() - t0.getTime()).toBeLessThan(EARLY_DISABLE_MS + hour);
  const w = await watchRow(f.pool, watch);
  expect(w.disabled_reason).toMatch(
    new RegExp(`^every attempt for 6 hours failed \\(\\d+ attempts since ${t0.toISOString()}\\); the last: HTTP 502 from ${f.receiver.host} at ${disabledAt.toISOString()}$`),
  );
  expect(await deliveryRow(f.pool, id)).toMatchObject({ next_attempt_at: null, gave_up_at: disabledAt, delivered_at: null });
});

test("not while other deliveries of the watch succeed: the receiver is alive, one event keeps failing", async () => {
  const watch = await insertWatch(f.pool, f.receiver.url);
  const failing = await queueAlert(f.pool, watch, t0);
  f.receiver.otherwise((r) => (r.headers["x-heurist-delivery"] === failing ? 502 : 200));
  const ok = await queueAlert(f.pool, watch, after(3 * hour));
  await driveUntil(async () => false, after(9 * hour));
  expect((await deliveryRow(f.pool, ok)).delivered_at).toEqual(after(3 * hour));
  expect(await watchRow(f.pool, watch)).toMatchObject({ disabled_at: null });
  const still = await deliveryRow(f.pool, failing);
  expect(still.attempts).toBeGreaterThanOrEqual(STRICT.maxFailures! + 10);
  expect(still.next_attempt_at).not.toBeNull();
});

test("a test event is signed and posted like an alert, even to a disabled webhook, and its success enables the webhook again", async () => {
  const watch = await insertWatch(f.pool, f.receiver.url);
  await f.pool.query("UPDATE watches SET failures = 10, disabled_at = $2, disabled_reason = 'broken' WHERE id = $1", [watch, t0]);
  expect(await queueTestEvent(f.pool, watch, t0)).toBe(true);
  // A second click stops the first: one test pending per watch.
  expect(await queueTestEvent(f.pool, watch, after(1000))).toBe(true);
  const { rows } = await f.pool.query("SELECT event, next_attempt_at, gave_up_at FROM webhook_deliveries WHERE watch_id = $1 ORDER BY id", [watch]);
  expect(rows).toEqual([
    { event: "test", next_attempt_at: null, gave_up_at: after(1000) },
    { event: "test", next_attempt_at: after(1000), gave_up_at: null },
  ]);

  f.receiver.answer(500);
  expect(await deliverDue(f.pool, { ...STRICT, now: after(1000) })).toMatchObject({ retrying: 1 });
  expect(await watchRow(f.pool, watch)).toMatchObject({ failures: 10, disabled_reason: "broken" });
  expect(await deliverDue(f.pool, { ...STRICT, now: after(11_000) })).toMatchObject({ delivered: 1 });
  expect(await watchRow(f.pool, watch)).toEqual({ failures: 0, disabled_at: null, disabled_reason: null });

  const { headers, body } = f.receiver.received[1]!;
  expect(headers["x-heurist-event"]).toBe("test");
  expect(headers["x-heurist-signature"]).toBe(`sha256=${createHmac("sha256", SECRET).update(`${headers["x-heurist-timestamp"]}.${body}`).digest("hex")}`);
  expect(JSON.parse(body)).toMatchObject({ type: "test", watch: { id: watch, kind: "epoch" }, alerts: [] });
});

test("enableWebhook clears the disable and the count; queueTestEvent and enableWebhook refuse a watch without a webhook", async () => {
  const watch = await insertWatch(f.pool, f.receiver.url);
  const stopped = await queueAlert(f.pool, watch, after(hour));
  await f.pool.query("UPDATE watches SET failures = 10, disabled_at = $2, disabled_reason = 'broken' WHERE id = $1", [watch, t0]);
  await deliverDue(f.pool, { ...STRICT, now: after(hour) });
  expect(await enableWebhook(f.pool, watch)).toBe(true);
  expect(await watchRow(f.pool, watch)).toEqual({ failures: 0, disabled_at: null, disabled_reason: null });
  expect(await deliveryRow(f.pool, stopped)).toMatchObject({ next_attempt_at: null, gave_up_at: after(hour) });
  expect(f.receiver.received).toHaveLength(0);

  const { rows } = await f.pool.query<{ id: string }>("INSERT INTO watches (owner, kind, target) VALUES ('0xbb', 'epoch', '0xbb') RETURNING id::text");
  expect(await queueTestEvent(f.pool, rows[0]!.id)).toBe(false);
  expect(await enableWebhook(f.pool, rows[0]!.id)).toBe(false);
  expect(await queueTestEvent(f.pool, "999999")).toBe(false);
});
