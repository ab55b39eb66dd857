// Flags for review on crafted traffic of the last hour: a wallet in lockstep, a GPU faster than
// its declared card could be, a miner living at the floor; honest look-alikes stay unflagged.
// The SQL's counts are checked against the pure functions' definitions in lib/anticheat.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { POST as ingest } from "@/app/api/v1/jobs/route";
import { GET as flagsRoute } from "@/app/api/v1/admin/flags/route";
import { isFloorSized } from "@/lib/anticheat/floor-spikes";
import { latencyFloorSeconds } from "@/lib/anticheat/latency-floor";
import { lockstepStatsOf } from "@/lib/anticheat/lockstep";
import type { JobInput } from "@/lib/schemas/jobs";
import { busiestSeconds, computeFlags, floorCounts, latencyStats, lockstepStats } from "@/lib/server/admin/flags";
import { rebuildFlagsScan } from "@/lib/server/admin/flags-snapshot";
import { db, imageJob, llmJob, randomWallet, signedRequest } from "../support/fixtures";
import { admin, adminRequest, signInCookie } from "./admin-session";

vi.hoisted(() => {
  process.env.ADMIN_ADDRESSES = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
});

const RTX4090 = "NVIDIA GeForce RTX 4090";
const now = Date.now();
const base = Math.floor((now - 50 * 60_000) / 1000) * 1000; // whole second, 50 minutes ago
const iso = (ms: number) => new Date(ms).toISOString();
let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;

const lockstepWallet = randomWallet();
const honestWallet = randomWallet();
const fast = `${randomWallet()}-fast`; // declares an RTX 4060 Ti, answers like nothing on earth
const glitchy = `${randomWallet()}-glitchy`; // two odd jobs: not a pattern
const tiny = `${randomWallet()}-tiny`; // floor-sized jobs only
const normal = `${randomWallet()}-normal`;

const sdxl = (minerId: string, at: number, over: Partial<JobInput> = {}) =>
  imageJob({ miner_id: minerId, completed_at: iso(at), hardware: RTX4090, inference_latency: 4.2, ...over });

const jobs: JobInput[] = [
  // Six GPUs of one wallet finishing together, every 20 seconds for 20 minutes.
  ...Array.from({ length: 60 }, (_, i) => [..."abcdef"].map((t, k) => sdxl(`${lockstepWallet}-${t}`, base + i * 20_000 + k * 120))).flat(),
  // Five GPUs of another wallet working at their own pace.
  ...Array.from({ length: 75 }, (_, i) => sdxl(`${honestWallet}-${"vwxyz"[i % 5]}`, base + Math.floor(random() * 1_800_000))),
  ...Array.from({ length: 5 }, (_, i) => sdxl(fast, base + i * 60_000, { hardware: "NVIDIA GeForce RTX 4060 Ti", inference_latency: 0.3 })),
  ...Array.from({ length: 5 }, (_, i) => sdxl(fast, base + i * 60_000 + 30_000, { hardware: "NVIDIA GeForce RTX 4060 Ti", inference_latency: 12 })),
  sdxl(fast, base + 400_000, { model_id: "Aurora", width: 256, height: 256, hardware: "NVIDIA GeForce RTX 4060 Ti", inference_latency: 0.05 }),
  llmJob({ miner_id: glitchy, completed_at: iso(base + 1_000), inference_latency: 0.2 }),
  sdxl(glitchy, base + 2_000, { width: 832, height: 1216, num_iterations: 30, hardware: "NVIDIA A100 80GB PCIe", inference_latency: 0.4 }),
  ...Array.from({ length: 3 }, (_, i) => sdxl(glitchy, base + 10_000 * (i + 1), { hardware: "NVIDIA A100 80GB PCIe", inference_latency: 5 })),
  ...Array.from({ length: 40 }, (_, i) => sdxl(tiny, base + i * 30_000, { width: 512, height: 512, inference_latency: 1 })),
  ...Array.from({ length: 12 }, (_, i) => llmJob({ miner_id: tiny, completed_at: iso(base + i * 30_000 + 15_000), hardware: RTX4090, input_tokens: 120, output_tokens: 60 })),
  ...Array.from({ length: 100 }, (_, i) => sdxl(normal, base + i * 18_000)),
];
const window = () => ({ from: new Date(now - 3_600_000), to: new Date(Date.now() + 1) });
let cookie = "";

beforeAll(async () => {
  const res = await ingest(signedRequest({ jobs }));
  expect(res.status).toBe(200);
  expect((await res.json()).accepted).toBe(jobs.length);
  cookie = await signInCookie(admin);
});

describe("flags for review", () => {
  test("the route lists the lockstep wallet, the impossible GPU and the floor-sized miner, with evidence, and not their honest look-alikes", async () => {
    const res = await flagsRoute(adminRequest("/api/v1/admin/flags?hours=1", { cookie }));
    expect(res.status).toBe(200);
    const flags = await res.json();
    expect(flags.hours).toBe(1);
    expect(flags.thresholds.impossibleLatency).toEqual({ floorRatio: 0.25, minImpossibleJobs: 3 });

    const lockstep = flags.lockstep.find((f: { wallet: string }) => f.wallet === lockstepWallet);
    expect(lockstep).toMatchObject({ gpus: 6, jobs: 360, sameSecondJobs: 360, controlJobs: 0, share: 1, controlShare: 0, maxGpusInOneSecond: 6 });
    expect(lockstep.exampleSeconds).toEqual([iso(base), iso(base + 20_000), iso(base + 40_000)]);
    expect(lockstep.summary).toMatch(/^100 % of 360 jobs on 6 GPUs finished in the same second/);
    expect(flags.lockstep.map((f: { wallet: string }) => f.wallet)).not.toContain(honestWallet);

    const impossible = flags.impossibleLatency.find((f: { minerId: string }) => f.minerId === fast);
    expect(impossible).toMatchObject({ hardware: "NVIDIA GeForce RTX 4060 Ti", checkedJobs: 11, impossibleJobs: 6 });
    expect(impossible.examples).toHaveLength(3);
    expect(flags.impossibleLatency.map((f: { minerId: string }) => f.minerId)).not.toContain(glitchy);

    const spike = flags.floorSpikes.find((f: { minerId: string }) => f.minerId === tiny);
    expect(spike).toMatchObject({ jobs: 52, floorJobs: 52, share: 1 });
    expect(spike.expectedShare).toBeLessThan(0.2);
    expect(spike.byModel.map((m: { modelId: string }) => m.modelId).sort()).toEqual(["SDXL", "hermes-3-llama3.1-8b"]);
    expect(flags.floorSpikes.map((f: { minerId: string }) => f.minerId)).not.toContain(normal);
  });

  test("lockstep SQL counts what lockstepStatsOf defines", async () => {
    const sql = (await lockstepStats(db(), window())).filter((r) => [lockstepWallet, honestWallet].includes(r.wallet));
    const mine = jobs.filter((j) => [lockstepWallet, honestWallet].some((w) => j.miner_id.startsWith(w)));
    const expected = lockstepStatsOf(mine.map((j) => ({ minerId: j.miner_id, completedAt: Date.parse(j.completed_at) })));
    const byWallet = (rows: typeof sql) => [...rows].sort((x, y) => x.wallet.localeCompare(y.wallet)).map((r) => ({ ...r, exampleSeconds: [] }));
    expect(byWallet(sql)).toEqual(byWallet(expected));
    // Example seconds come from a second query, for the wallets flagged.
    const examples = await busiestSeconds(db(), window(), [lockstepWallet, honestWallet]);
    for (const s of expected) expect(examples.get(s.wallet) ?? []).toEqual(s.exampleSeconds);
    expect(expected.find((s) => s.wallet === honestWallet)!.jobs).toBe(75); // the honest wallet was judged, not skipped
  });

  test("latency SQL applies latencyFloorSeconds to every job, image, thumbnail and LLM alike", async () => {
    const rows = (await latencyStats(db(), window(), 1)).filter((r) => [fast, glitchy].includes(r.minerId));
    expect(rows.map((r) => [r.minerId, r.checkedJobs, r.impossibleJobs]).sort()).toEqual(
      [
        [fast, 11, 6],
        [glitchy, 5, 2],
      ].sort(),
    );
    const byId = new Map(jobs.map((j) => [j.job_id, j]));
    for (const ex of rows.flatMap((r) => r.examples)) {
      const j = byId.get(ex.jobId)!;
      const shape = j.width !== undefined ? { width: j.width, height: j.height!, steps: j.num_iterations! } : { inputTokens: j.input_tokens!, outputTokens: j.output_tokens! };
      expect(ex.floorSec).toBeCloseTo(latencyFloorSeconds(j.hardware!, j.model_id, shape)!, 9);
      expect(ex.latencySec).toBe(j.inference_latency);
      expect(ex.latencySec).toBeLessThan(ex.floorSec);
    }
    const glitchyRow = rows.find((r) => r.minerId === glitchy)!;
    expect(glitchyRow.examples.map((x) => x.modelId).sort()).toEqual(["SDXL", "hermes-3-llama3.1-8b"]);
    expect(glitchyRow.worstRatio).toBeCloseTo(Math.min(...glitchyRow.examples.map((x) => x.latencySec / x.floorSec)), 9);
  });

  test("floor-size SQL counts what isFloorSized defines, and the network's totals include everyone", async () => {
    const { miners, network } = await floorCounts(db(), window());
    const expected = (id: string) => {
      const out = new Map<string, { modelId: string; jobs: number; floorJobs: number }>();
      for (const j of jobs.filter((x) => x.miner_id === id)) {
        const c = out.get(j.model_id) ?? out.set(j.model_id, { modelId: j.model_id, jobs: 0, floorJobs: 0 }).get(j.model_id)!;
        c.jobs++;
        if (isFloorSized({ width: j.width, height: j.height, steps: j.num_iterations, inputTokens: j.input_tokens, outputTokens: j.output_tokens })) c.floorJobs++;
      }
      return [...out.values()].sort((x, y) => x.modelId.localeCompare(y.modelId));
    };
    expect([...miners.get(tiny)!].sort((x, y) => x.modelId.localeCompare(y.modelId))).toEqual(expected(tiny));
    expect(miners.has(normal)).toBe(false); // no floor-sized jobs: not even a candidate
    const sdxlNetwork = network.find((n) => n.modelId === "SDXL")!;
    expect(sdxlNetwork.jobs).toBeGreaterThanOrEqual(jobs.filter((j) => j.model_id === "SDXL").length);
  });

  test("hours outside 1–168 is a 400; only admins may look", async () => {
    for (const hours of ["0", "169", "x"]) {
      const res = await flagsRoute(adminRequest(`/api/v1/admin/flags?hours=${hours}`, { cookie }));
      expect(res.status).toBe(400);
      expect((await res.json()).error.details[0].field).toBe("hours");
    }
    expect((await flagsRoute(adminRequest("/api/v1/admin/flags"))).status).toBe(401);
  });

  test("the worker's hourly scan is stored with its time and equals an on-demand scan of the same window; the route serves it by default", async () => {
    await db().query("DELETE FROM flags_scans");
    const none = await flagsRoute(adminRequest("/api/v1/admin/flags", { cookie }));
    expect(none.status).toBe(503);
    expect((await none.json()).error.message).toMatch(/the worker \(npm run worker\) builds it every hour.*Ask for \?hours=24 to scan that window now/);

    const at = new Date();
    expect(await rebuildFlagsScan(at)).toBe(true);
    expect(await rebuildFlagsScan(at)).toBe(false); // a second worker keeps the first one's scan
    const stored = await flagsRoute(adminRequest("/api/v1/admin/flags", { cookie }));
    expect(stored.status).toBe(200);
    const body = await stored.json();
    expect(body).toMatchObject({ source: "worker", asOf: at.toISOString(), hours: 24, to: at.toISOString() });
    expect(body.lockstep.map((f: { wallet: string }) => f.wallet)).toContain(lockstepWallet);
    const { source, asOf, ...scan } = await computeFlags(24, at);
    expect([source, asOf]).toEqual(["on-demand", at.toISOString()]);
    expect({ ...body, source: undefined, asOf: undefined }).toEqual({ ...scan, source: undefined, asOf: undefined });

    // A custom window is scanned for the request, and stores nothing.
    const custom = await (await flagsRoute(adminRequest("/api/v1/admin/flags?hours=2", { cookie }))).json();
    expect(custom).toMatchObject({ source: "on-demand", hours: 2 });
    expect((await db().query("SELECT hours, as_of FROM flags_scans")).rows).toEqual([{ hours: 24, as_of: at }]);
  });
});
