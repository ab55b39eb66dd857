// Slashes and reversals by admins (SIWE sessions listed in ADMIN_ADDRESSES): negative ledger
// entries in the open epoch, rollups and totals moved with them, one transaction, one reversal,
// an audit log, a public list per miner, and `verify` still clean. Who may slash and what is
// refused: admin-slash-requests.test.ts.
import { describe, expect, test, vi } from "vitest";
import { GET as listActions } from "@/app/api/v1/admin/actions/route";
import { GET as minerSlashes } from "@/app/api/v1/miners/[minerId]/slashes/route";
import { epochEnd, epochOf, epochStart } from "@/lib/rewards";
import { withTransaction } from "@/lib/server/db";
import { writeAdminEntries } from "@/lib/server/admin/write-entries";
import { verifyAll } from "@/lib/server/verify/verify";
import { joinSettlementBarrier } from "@/lib/server/epochs/epoch-points";
import { count, db } from "../support/fixtures";
import { earnedIn, expectVerifyClean, rollupsOf } from "./admin-ledger-views";
import { a, at, b, c, d, e, FROM, ingestWindowJobs, REASON, reverseAs, slashAs, TO, w1, w2, w3 } from "./admin-slash-fixture";
import { admin, adminRequest, signInCookie } from "./admin-session";

vi.hoisted(() => {
  process.env.ADMIN_ADDRESSES = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65, 0x0000000000000000000000000000000000000a11";
});

let cookie = "";
const earnedInWindow = (minerId: string) => earnedIn(minerId, FROM, TO);

const slash = (body: unknown) => slashAs(cookie, body);
const reverse = (id: number | string, body: unknown) => reverseAs(cookie, id, body);
const slashesOf = (minerId: string, query = "") =>
  minerSlashes(new Request(`http://portal.test/api/v1/miners/${minerId}/slashes${query}`), { params: Promise.resolve({ minerId }) });

describe("admin slashes", () => {
  test("setup: jobs inside and outside the window; an admin signs in", async () => {
    await ingestWindowJobs();
    expect(await earnedInWindow(a)).toEqual({ waifu: 18_000_000, llama: 1_000_000 }); // 3 × 6 Waifu, 2,000 tokens × 0.5 Llama
    cookie = await signInCookie(admin);
  });

  let slashA = 0;
  test("slashing a miner over a window: negative entries now, its totals and rollups drop, verify passes", async () => {
    const before = await rollupsOf(a, w1);
    const t0 = Date.now();
    const res = await slash({ minerId: a.toUpperCase().replace("0X", "0x"), from: FROM, to: TO, reason: REASON });
    expect(res.status).toBe(200);
    const body = await res.json();
    slashA = body.id;
    expect(body).toMatchObject({
      action: "slash",
      admin: admin.address.toLowerCase(),
      targetKind: "miner",
      target: a,
      windowFrom: FROM,
      windowTo: TO,
      fraction: 1,
      reason: REASON,
      reverses: null,
      reversedBy: null,
      waifuPoints: -18,
      llamaPoints: -1,
      minerCount: 1,
      entries: [
        { minerId: a, pointType: "llama", points: -1 },
        { minerId: a, pointType: "waifu", points: -18 },
      ],
    });

    const entries = (await db().query("SELECT * FROM ledger_entries WHERE admin_action_id = $1 ORDER BY point_type", [slashA])).rows;
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        kind: "slash",
        miner_id: a,
        wallet: w1,
        job_id: null,
        model_id: null,
        model_multiplier_ppm: 1_000_000,
        nft_multiplier_ppm: 1_000_000,
        stake_multiplier_ppm: 1_000_000,
      });
      expect(entry.base_micro).toBe(entry.points_micro);
      expect(entry.occurred_at.getTime()).toBeGreaterThanOrEqual(t0 - 1);
      expect(entry.note).toBe(`Slash #${slashA}: 100 % of the points in [${FROM}, ${TO}). ${REASON}`);
    }

    const after = await rollupsOf(a, w1);
    expect(BigInt(after.node.waifu)).toBe(BigInt(before.node.waifu) - 18_000_000n);
    expect(BigInt(after.node.llama)).toBe(BigInt(before.node.llama) - 1_000_000n);
    expect(BigInt(after.minerHourly.waifu)).toBe(BigInt(before.minerHourly.waifu) - 18_000_000n);
    expect(BigInt(after.walletHourly.llama)).toBe(BigInt(before.walletHourly.llama) - 1_000_000n);
    // Jobs are jobs: counts stay; the GPU-model and model rollups are about jobs only.
    expect([after.node.image_count, after.minerHourly.jobs, after.minerHourly.ok, after.walletHourly.jobs]).toEqual([
      before.node.image_count,
      before.minerHourly.jobs,
      before.minerHourly.ok,
      before.walletHourly.jobs,
    ]);
    expect(after.walletModelDaily).toEqual(before.walletModelDaily);
    expect(after.hardwareHourly).toEqual(before.hardwareHourly);
    // The hourly rows of the slash's own hour carry it.
    const hour = (
      await db().query("SELECT waifu_micro::text, job_count FROM miner_hourly WHERE miner_id = $1 AND hour = date_trunc('hour', $2::timestamptz, 'UTC')", [
        a,
        entries[0].occurred_at,
      ])
    ).rows[0];
    expect(BigInt(hour.waifu_micro)).toBeLessThanOrEqual(-18_000_000n + 6_000_000n);

    await expectVerifyClean();
  });

  test("settlement of the open epoch counts the slash: it lands after every settled epoch, netted against this week's points", async () => {
    const { rows } = await db().query("SELECT min(occurred_at) AS at FROM ledger_entries WHERE admin_action_id = $1", [slashA]);
    const open = epochOf(rows[0].at);
    expect(open).toBe(epochOf(new Date()));
    const settledUntil = (await db().query("SELECT max(ends_at) AS end FROM epochs")).rows[0].end as Date | null;
    if (settledUntil) expect(rows[0].at.getTime()).toBeGreaterThanOrEqual(settledUntil.getTime());
    // The sums settleEpoch takes for this miner in the open epoch: this week's job less the slash.
    const sums = await db().query(
      `SELECT coalesce(sum(points_micro) FILTER (WHERE point_type = 'waifu'), 0)::text AS waifu, coalesce(sum(points_micro) FILTER (WHERE kind <> 'job'), 0)::text AS adjust
         FROM ledger_entries WHERE miner_id = $1 AND occurred_at >= $2 AND occurred_at < $3`,
      [a, epochStart(open), epochEnd(open)],
    );
    expect(sums.rows[0]).toEqual({ waifu: String(6_000_000 - 18_000_000), adjust: String(-19_000_000) });
  });

  test("a second slash of the same window finds nothing left (409)", async () => {
    const res = await slash({ minerId: a, from: FROM, to: TO, reason: REASON });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/no points left/);
  });

  let slashB = 0;
  test("a partial slash takes its fraction of what is left, and a second one of what the first left", async () => {
    const first = await (await slash({ minerId: b, from: FROM, to: TO, fraction: 0.5, reason: "Half: suspicious latencies on this GPU" })).json();
    slashB = first.id;
    expect(first).toMatchObject({ fraction: 0.5, waifuPoints: -12, llamaPoints: 0, entries: [{ minerId: b, pointType: "waifu", points: -12 }] });
    // A sub-window: half of [10:00, 11:00) is left (two jobs, 6 of their 12 points); take a quarter of that.
    const second = await (await slash({ minerId: b, from: FROM, to: at("11:00"), fraction: 0.25, reason: "A quarter more of the first hour" })).json();
    expect(second).toMatchObject({ waifuPoints: -1.5, windowTo: "2026-03-02T11:00:00.000Z", fraction: 0.25 });
    const node = (await db().query("SELECT total_waifu_micro::text AS w FROM nodes WHERE miner_id = $1", [b])).rows[0];
    expect(node.w).toBe(String(24_000_000 - 12_000_000 - 1_500_000));
    await expectVerifyClean();
  });

  let slashW = 0;
  test("slashing a wallet takes from each of its miner IDs", async () => {
    const res = await slash({ wallet: w2, from: FROM, to: TO, reason: "Lockstep pattern across the whole wallet" });
    expect(res.status).toBe(200);
    const body = await res.json();
    slashW = body.id;
    expect(body).toMatchObject({
      targetKind: "wallet",
      target: w2,
      waifuPoints: -24,
      llamaPoints: 0,
      minerCount: 2,
      entries: [
        { minerId: c, pointType: "waifu", points: -12 },
        { minerId: d, pointType: "waifu", points: -12 },
      ],
    });
    const totals = (await db().query("SELECT miner_id, total_waifu_micro::text AS w FROM nodes WHERE wallet = $1 ORDER BY miner_id", [w2])).rows;
    expect(totals).toEqual([
      { miner_id: c, w: "6000000" },
      { miner_id: d, w: "0" },
    ]); // c keeps its job outside the window
    await expectVerifyClean();
  });

  test("a reversal gives back exactly what the slash took; a second reversal is refused", async () => {
    const before = await rollupsOf(a, w1);
    const res = await reverse(slashA, { reason: "Appeal upheld: outputs were distinct" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      action: "reversal",
      reverses: slashA,
      targetKind: "miner",
      target: a,
      windowFrom: FROM,
      windowTo: TO,
      fraction: null,
      waifuPoints: 18,
      llamaPoints: 1,
      entries: [
        { minerId: a, pointType: "llama", points: 1 },
        { minerId: a, pointType: "waifu", points: 18 },
      ],
    });
    const after = await rollupsOf(a, w1);
    expect(BigInt(after.node.waifu) - BigInt(before.node.waifu)).toBe(18_000_000n);
    expect(BigInt(after.walletHourly.llama) - BigInt(before.walletHourly.llama)).toBe(1_000_000n);
    expect(await count("ledger_entries", "admin_action_id = $1 AND kind = 'reversal' AND points_micro > 0", [body.id])).toBe(2);

    const again = await reverse(slashA, { reason: "Clicked twice by mistake" });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(new RegExp(`already reversed by #${body.id}`));
    const ofReversal = await reverse(body.id, { reason: "Reverse the reversal?" });
    expect(ofReversal.status).toBe(409);
    expect((await ofReversal.json()).error.message).toMatch(/only a slash can be reversed/);
    expect((await reverse(999_999_999, { reason: "No such slash anywhere" })).status).toBe(404);
    expect((await reverse("abc", { reason: "Not even a number here" })).status).toBe(400);
    expect((await reverse(slashB, { reason: "short" })).status).toBe(422);
    await expectVerifyClean();

    // The window is whole again: a new slash could take all of it.
    const retry = await slash({ minerId: a, from: FROM, to: TO, fraction: 0.5, reason: "Half after all, new evidence" });
    expect(await retry.json()).toMatchObject({ waifuPoints: -9, llamaPoints: -0.5 });
  });

  test("the audit log lists every action newest first with who, when, what and why; filters by target", async () => {
    const res = await listActions(adminRequest(`/api/v1/admin/actions?target=${a}`, { cookie }));
    expect(res.status).toBe(200);
    const log = await res.json();
    expect(log).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(log.items.map((i: { action: string }) => i.action)).toEqual(["slash", "reversal", "slash"]);
    const original = log.items[2];
    expect(original).toMatchObject({ id: slashA, admin: admin.address.toLowerCase(), reason: REASON, waifuPoints: -18, llamaPoints: -1, windowFrom: FROM, windowTo: TO });
    expect(original.reversedBy).toMatchObject({ id: log.items[1].id, admin: admin.address.toLowerCase(), reason: "Appeal upheld: outputs were distinct" });
    expect(Date.parse(original.createdAt)).toBeLessThanOrEqual(Date.parse(log.items[1].createdAt));

    const all = await (await listActions(adminRequest("/api/v1/admin/actions?pageSize=200", { cookie }))).json();
    expect(all.items.map((i: { id: number }) => i.id)).toEqual(expect.arrayContaining([slashA, slashB, slashW]));
    const slashes = await (await listActions(adminRequest(`/api/v1/admin/actions?target=${w2}&action=slash`, { cookie }))).json();
    expect(slashes.items).toEqual([expect.objectContaining({ id: slashW, targetKind: "wallet", minerCount: 2, waifuPoints: -24 })]);
    const paged = await (await listActions(adminRequest(`/api/v1/admin/actions?target=${b}&pageSize=1&page=2`, { cookie }))).json();
    expect(paged).toMatchObject({ total: 2, items: [expect.objectContaining({ id: slashB })] });
    expect((await listActions(adminRequest("/api/v1/admin/actions?target=nobody", { cookie }))).status).toBe(400);
  });

  test("a miner's public slash list: when, why, window, its own points, reversed or not (no admin address)", async () => {
    const res = await slashesOf(a);
    expect(res.status).toBe(200);
    const list = await res.json();
    expect(list).toMatchObject({ minerId: a, total: 3 });
    const original = list.items.find((i: { id: number }) => i.id === slashA);
    expect(original).toMatchObject({ action: "slash", reason: REASON, windowFrom: FROM, windowTo: TO, fraction: 1, waifuPoints: -18, llamaPoints: -1, reversed: true });
    expect(original.reversedAt).not.toBeNull();
    expect(list.items.find((i: { action: string }) => i.action === "reversal")).toMatchObject({ reverses: slashA, waifuPoints: 18, reversed: false });
    expect(JSON.stringify(list)).not.toContain(admin.address.toLowerCase());

    const wallet = await (await slashesOf(c)).json();
    expect(wallet.items).toEqual([expect.objectContaining({ id: slashW, targetKind: "wallet", waifuPoints: -12, reversed: false, reversedAt: null })]);
    expect(await (await slashesOf(`${w3}-nobody`)).json()).toMatchObject({ error: { code: "not_found" } });
    expect((await slashesOf("not-a-miner")).status).toBe(400);
  });

  test("verify names an admin action whose totals its entries do not add up to, and a slashed rollup row that drifted", async () => {
    const { rows } = await db().query(
      `INSERT INTO admin_actions (admin, action, target_kind, target, window_from, window_to, fraction_ppm, reason, waifu_micro, llama_micro)
       VALUES ($1, 'slash', 'miner', $2, $3, $4, 1000000, 'Entries never written (test)', -1000, 0) RETURNING id::text`,
      [admin.address.toLowerCase(), e, FROM, TO],
    );
    const id = rows[0].id;
    let results = Object.fromEntries((await verifyAll(db())).map((r) => [r.name, r]));
    expect(results["admin actions (totals = entries)"]).toMatchObject({ mismatches: 1, examples: [`action ${id} (slash): totals waifu/llama -1000/0, entries sum to 0/0`] });
    expect(results["nodes (totals)"]!.mismatches).toBe(0);

    // The audit log is append-only: the repair is the missing entry (with its rollups), not a deletion.
    await withTransaction(async (client) => {
      const open = await joinSettlementBarrier(client);
      await writeAdminEntries(client, {
        kind: "slash",
        actionId: id,
        entries: [{ minerId: e, wallet: w3, pointType: "waifu", micro: -1000 }],
        note: "repair",
        now: new Date(),
        open,
      });
    });
    await expectVerifyClean();

    const hour = (await db().query("SELECT hour FROM miner_hourly WHERE miner_id = $1 ORDER BY hour DESC LIMIT 1", [e])).rows[0].hour;
    await db().query("UPDATE miner_hourly SET waifu_micro = waifu_micro + 1 WHERE miner_id = $1 AND hour = $2", [e, hour]);
    try {
      results = Object.fromEntries((await verifyAll(db())).map((r) => [r.name, r]));
      expect(results["miner_hourly"]!.mismatches).toBe(1);
      expect(results["miner_hourly"]!.examples[0]).toContain(e);
    } finally {
      await db().query("UPDATE miner_hourly SET waifu_micro = waifu_micro - 1 WHERE miner_id = $1 AND hour = $2", [e, hour]);
    }
  });
});
