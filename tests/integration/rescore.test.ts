// rescore: the dry-run report of re-pricing a window under another schedule, per miner ID.
import { beforeAll, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { rescoreReport } from "@/lib/server/rescore/rescore";
import { db, imageJob, llmJob, randomWallet, signedRequest } from "../support/fixtures";

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
