// rescore: the dry-run report of re-pricing a window under another schedule, per miner ID.
import { beforeAll, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { applyRescore } from "@/lib/server/rescore/apply";
import { rescoreReport } from "@/lib/server/rescore/rescore";
import { verifyAll } from "@/lib/server/verify/verify";
import { db, foldNow, imageJob, llmJob, randomWallet, signedRequest } from "../support/fixtures";

const wallet = randomWallet();
const from = new Date("2024-11-05T00:00:00Z");
const to = new Date("2024-11-06T00:00:00Z");

beforeAll(async () => {
  const jobs = [
    llmJob({ miner_id: `${wallet}-llm`, completed_at: "2024-11-05T10:00:00Z" }), // hermes: 1 point under testnet-2024-09
    llmJob({ miner_id: `${wallet}-llm`, completed_at: "2024-11-05T11:00:00Z" }),
    imageJob({ miner_id: `${wallet}-img`, completed_at: "2024-11-05T12:00:00Z" }),
    llmJob({ miner_id: `${wallet}-llm`, completed_at: "2024-11-06T10:00:00Z" }), // outside the window
  ];
  expect((await POST(signedRequest({ jobs }))).status).toBe(200);
  await foldNow(); // what the worker's folder does within a second (decision 0024)
});

test("the same schedule changes nothing", async () => {
  const r = await rescoreReport(db(), { scheduleId: "testnet-2024-09", from, to });
  expect(r.jobs).toBeGreaterThanOrEqual(3);
  expect(r).toMatchObject({ changed: 0, waifuDeltaMicro: 0n, llamaDeltaMicro: 0n, miners: [] });
});

test("the April schedule (Mixtral only) would take the Hermes jobs' points, per miner, and leaves the ledger alone", async () => {
  const before = (await db().query("SELECT sum(points_micro)::text AS s FROM ledger_entries WHERE wallet = $1", [wallet])).rows[0].s;
  const r = await rescoreReport(db(), { scheduleId: "testnet-2024-04", from, to });
  const mine = r.miners.find((m) => m.minerId === `${wallet}-llm`)!;
  expect(mine).toMatchObject({ jobs: 2, changed: 2, llamaDeltaMicro: -2_000_000n, waifuDeltaMicro: 0n });
  expect(r.miners.some((m) => m.minerId === `${wallet}-img` && m.llamaDeltaMicro !== 0n)).toBe(false);
  expect((await db().query("SELECT sum(points_micro)::text AS s FROM ledger_entries WHERE wallet = $1", [wallet])).rows[0].s).toBe(before);
});

test("an unknown schedule or an empty window is a clear error", async () => {
  await expect(rescoreReport(db(), { scheduleId: "nope", from, to })).rejects.toThrow(/nope/);
  await expect(rescoreReport(db(), { scheduleId: "testnet-2024-09", from: to, to: from })).rejects.toThrow(/from must be before to/);
});

test("--apply writes the changes once, as adjustments in the open epoch under one audit-log action; verify stays clean", async () => {
  const r = await rescoreReport(db(), { scheduleId: "testnet-2024-04", from, to });
  const miner = `${wallet}-llm`;
  const totalBefore = (await db().query("SELECT total_llama_micro::text AS t FROM nodes WHERE miner_id = $1", [miner])).rows[0].t;
  await expect(applyRescore(db(), r, { actor: "cli:test", reason: "short" })).rejects.toThrow(/reason/);
  const applied = await applyRescore(db(), r, { actor: "cli:test", reason: "Hermes was not in the April schedule" });
  await foldNow();
  const entries = (await db().query("SELECT kind, points_micro::text, occurred_at FROM ledger_entries WHERE admin_action_id = $1 AND miner_id = $2", [applied.actionId, miner]))
    .rows;
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ kind: "adjustment", points_micro: "-2000000" });
  expect(Date.now() - entries[0].occurred_at.getTime()).toBeLessThan(60_000); // dated now: the open epoch
  const totalAfter = (await db().query("SELECT total_llama_micro::text AS t FROM nodes WHERE miner_id = $1", [miner])).rows[0].t;
  expect(BigInt(totalAfter)).toBe(BigInt(totalBefore) - 2_000_000n);
  const action = (await db().query("SELECT admin, action, target, reason FROM admin_actions WHERE id = $1", [applied.actionId])).rows[0];
  expect(action).toMatchObject({ admin: "cli:test", action: "adjustment", target: "testnet-2024-04" });
  await expect(applyRescore(db(), r, { actor: "cli:test", reason: "Hermes was not in the April schedule" })).rejects.toThrow(/already re-priced/);
  const results = await verifyAll(db());
  expect(results.filter((c) => c.mismatches > 0).map((c) => [c.name, c.examples])).toEqual([]);
});
