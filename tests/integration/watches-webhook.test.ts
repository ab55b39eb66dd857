// From a stopped GPU to a signed post on the owner's receiver (issue 15): the watch is created as
// the API creates it, the worker's evaluation raises the alert and queues its event, the worker's
// deliverer posts it signed with the secret shown at creation; the owner's "send test event" goes
// the same way; the watch list shows each delivery with its receiver's status.
import { expect, test } from "vitest";
import { signBody } from "@/lib/signing";
import { deliverDue } from "@/lib/server/watches/deliver";
import { evaluateWatches } from "@/lib/server/watches/evaluate";
import { createWatch, listWatches } from "@/lib/server/watches/store";
import { queueTestEvent } from "@/lib/server/watches/webhook-controls";
import { imageJob, randomWallet } from "../support/fixtures";
import { importJobs } from "../support/import-jobs";
import { LOCAL, webhookFixture } from "../support/webhooks";

const f = webhookFixture("watches_webhook");

const T0 = new Date("2025-11-03T12:00:00Z");

test("a quiet GPU's alert and a test event reach the receiver, signed with the watch's secret, and are logged with its status", async () => {
  const owner = randomWallet();
  const gpu = `${owner}-rig1`;
  await importJobs(f.pool, [imageJob({ miner_id: gpu, completed_at: new Date(T0.getTime() - 30 * 60_000).toISOString() })]);

  const { watch, webhookSecret } = await createWatch(owner, { kind: "gpu_idle", target: gpu, idleMinutes: 10, webhook: { url: `${f.receiver.url}/hook`, format: "json" } }, f.pool);
  expect(await evaluateWatches(f.pool, T0)).toMatchObject({ raised: 1, deliveries: 1 });
  await deliverDue(f.pool, { ...LOCAL, now: T0 });

  expect(f.receiver.received).toHaveLength(1);
  const [post] = f.receiver.received;
  const ts = post!.headers["x-heurist-timestamp"] as string;
  expect(post!.headers["x-heurist-signature"]).toBe(signBody(webhookSecret!, ts, post!.body));
  expect(post!.headers["x-heurist-event"]).toBe("alert.raised");
  const event = JSON.parse(post!.body);
  expect(event).toMatchObject({ type: "alert.raised", watch: { id: watch.id, kind: "gpu_idle", target: gpu } });
  expect(event.alerts.map((a: { subject: string; title: string }) => [a.subject, a.title])).toEqual([[gpu, `${gpu}: no completed job for 10 minutes`]]);

  // The owner's test event, through the same signing and log.
  expect(await queueTestEvent(f.pool, watch.id, T0)).toBe(true);
  f.receiver.answer(500);
  await deliverDue(f.pool, { ...LOCAL, now: T0 });
  let [listed] = await listWatches(owner, f.pool);
  expect(listed!.deliveries[0]).toMatchObject({ event: "test", state: "pending", attempts: 1, lastStatus: 500 });
  await deliverDue(f.pool, { ...LOCAL, now: new Date(T0.getTime() + 3_600_000) });
  expect(f.receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(["alert.raised", "test", "test"]);
  expect(f.receiver.received[2]!.headers["x-heurist-signature"]).toBe(
    signBody(webhookSecret!, f.receiver.received[2]!.headers["x-heurist-timestamp"] as string, f.receiver.received[2]!.body),
  );

  [listed] = await listWatches(owner, f.pool);
  expect(listed!.deliveries.map((d) => [d.event, d.state, d.attempts, d.lastStatus])).toEqual([
    ["test", "delivered", 2, 200],
    ["alert.raised", "delivered", 1, 200],
  ]);
  expect(listed!.webhook).toMatchObject({ failures: 0, disabledAt: null });
});

test("an epoch settled with a grant to the wallet, then its root published, raise one alert each, once", async () => {
  const wallet = randomWallet();
  const { watch } = await createWatch(wallet, { kind: "epoch", target: wallet }, f.pool);
  const epoch = 900_001;
  const now = new Date();
  await f.pool.query(
    `INSERT INTO epochs (number, starts_at, ends_at, ledger_cutoff, config_id, waifu_pool_wei, llama_pool_wei, waifu_points_micro, llama_points_micro,
                         late_points_micro, adjust_points_micro, miner_count, settled_at)
     VALUES ($1, $2, $2, 0, 1, 0, 0, 0, 0, 0, 0, 0, $3)`,
    [epoch, new Date(now.getTime() - 86_400_000), now],
  );
  await f.pool.query("INSERT INTO esheu_grants (epoch, role, recipient, amount_wei, vest_start, vest_end) VALUES ($1, 'miner', $2, $3, $4, $4)", [
    epoch,
    wallet,
    (125n * 10n ** 17n).toString(),
    now,
  ]);
  const later = new Date(now.getTime() + 1_000);
  await evaluateWatches(f.pool, later);
  await f.pool.query("INSERT INTO reward_leaves (epoch, account, amount_wei, proof) VALUES ($1, $2, $3, '{}')", [epoch, wallet, (125n * 10n ** 17n).toString()]);
  await f.pool.query("INSERT INTO reward_publications (epoch, root, total_wei, vest_start, tx_hash, block_number, at) VALUES ($1, '0x01', 1, $2, '0x02', 1, $3)", [
    epoch,
    now,
    later,
  ]);
  await evaluateWatches(f.pool, later);
  await evaluateWatches(f.pool, later);

  const alerts = (await f.pool.query("SELECT event_key, title FROM alerts WHERE watch_id = $1 ORDER BY id", [watch.id])).rows;
  expect(alerts).toEqual([
    { event_key: `settled:${epoch}`, title: `Epoch ${epoch} settled: 12.5 esHEU for ${wallet}` },
    { event_key: `claimable:${epoch}`, title: `Epoch ${epoch} is claimable on chain: 12.5 esHEU` },
  ]);
});
