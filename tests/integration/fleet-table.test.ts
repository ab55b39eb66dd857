// The wallet's fleet table (issue 11): a GPU seeded to underperform (mostly SD 1.5 at ×0.3 and
// jobs that earned nothing, the same GPU model as its siblings) comes first when sorted by "vs
// median"; every sort both ways, filters, the CSV and the 400s, all seeded through ingestion and
// checked against what the ledger paid.
import { beforeAll, describe, expect, test } from "vitest";
import { POST as postHeartbeat } from "@/app/api/v1/heartbeats/route";
import { POST } from "@/app/api/v1/jobs/route";
import { GET as getMinersCsv } from "@/app/api/v1/wallets/[address]/miners.csv/route";
import { GET as getWallet } from "@/app/api/v1/wallets/[address]/route";
import { minerStanding } from "@/lib/server/queries/fleet-standing";
import { WALLET_MINER_SORTS, type WalletMiner, type WalletMinerSort } from "@/lib/schemas/wallets";
import { db, foldNow, imageJob, llmJob, randomWallet, signedRequest } from "../support/fixtures";

const HOUR = 3_600_000;
const now = Date.now();
const ago = (ms: number) => new Date(now - ms).toISOString();

const W = randomWallet();
const id = (tag: string) => `${W}-${tag}`;
const A = id("a_sib");
const B = id("b_sib");
const C = id("c_sib");
const WEAK = id("w_weak");
const IDLE = id("i_idle");
const LLM = id("l_llm");
const FLUX = id("z_flux");
const ALL = [A, B, C, WEAK, IDLE, LLM, FLUX];

const sdxl = (miner: string, hoursAgo: number, extra = {}) => imageJob({ miner_id: miner, completed_at: ago(hoursAgo * HOUR), ...extra });

beforeAll(async () => {
  const jobs = [
    ...[3, 4, 5, 6].map((h) => sdxl(A, h)), // 4 × 6
    ...[3, 4, 5, 6].map((h) => sdxl(B, h)), // 4 × 6
    sdxl(C, 3),
    sdxl(C, 4),
    sdxl(C, 5, { width: 768, height: 768, num_iterations: 30 }),
    sdxl(C, 6, { width: 768, height: 768, num_iterations: 30 }), // 2 × 6 + 2 × 4.625
    // The underperformer: 7 SD 1.5 jobs at ×0.3, 3 over the 18 s timeout, 2 SDXL.
    ...[3, 3, 4, 4, 5, 5, 6].map((h) => sdxl(WEAK, h, { model_id: "Aurora" })),
    ...[4, 5, 6].map((h) => sdxl(WEAK, h, { inference_latency: 25 })),
    sdxl(WEAK, 7),
    sdxl(WEAK, 8),
    sdxl(IDLE, 30), // nothing in the last 24 h
    llmJob({ miner_id: LLM, completed_at: ago(3 * HOUR), hardware: "NVIDIA GeForce RTX 4090" }),
    llmJob({ miner_id: LLM, completed_at: ago(4 * HOUR), hardware: "NVIDIA GeForce RTX 4090" }),
    sdxl(FLUX, 3, { model_id: "FLUX.1-dev", hardware: "NVIDIA GeForce RTX 3090" }),
    sdxl(FLUX, 4, { model_id: "FLUX.1-dev", hardware: "NVIDIA GeForce RTX 3090" }),
  ];
  const res = await POST(signedRequest({ jobs }));
  if (res.status !== 200) throw new Error(await res.text());
  await foldNow(); // what the worker's folder does within a second (decision 0024)
  // The router sees every GPU but the idle one (whether or not another file's heartbeats began earlier).
  const hb = await postHeartbeat(
    signedRequest({ at: new Date(now - 10 * 60_000).toISOString(), minerIds: ALL.filter((m) => m !== IDLE) }, { url: "http://localhost/api/v1/heartbeats" }),
  );
  if (hb.status !== 200) throw new Error(await hb.text());
});

async function wallet(query = "") {
  const res = await getWallet(new Request(`http://localhost/api/v1/wallets/${W}?${query}`), { params: Promise.resolve({ address: W }) });
  return { status: res.status, body: await res.json() };
}

async function ids(query: string): Promise<string[]> {
  const { status, body } = await wallet(query);
  expect(status).toBe(200);
  return body.miners.items.map((m: WalletMiner) => m.minerId);
}

/** What the ledger paid each GPU in the rollup's 24-hour window: points and entries. */
async function ledger24h(): Promise<Map<string, { points: number; jobs: number }>> {
  const hourStart = Math.floor(now / HOUR) * HOUR - 23 * HOUR;
  const { rows } = await db().query<{ miner_id: string; micro: string; jobs: string }>(
    `SELECT miner_id, sum(points_micro)::text AS micro, count(*)::text AS jobs FROM ledger_entries WHERE wallet = $1 AND occurred_at >= $2 GROUP BY miner_id`,
    [W, new Date(hourStart)],
  );
  return new Map(rows.map((r) => [r.miner_id, { points: Number(r.micro) / 1e6, jobs: Number(r.jobs) }]));
}

describe("the fleet table", () => {
  test("sorted by vs median ascending, the underperformer is first; its numbers are what the ledger paid", async () => {
    const { body } = await wallet("sort=vsMedian&order=asc&pageSize=200");
    const items: WalletMiner[] = body.miners.items;
    expect(items.map((m) => m.minerId)).toEqual([WEAK, C, A, B, IDLE, LLM, FLUX]);
    const paid = await ledger24h();
    const ppj = (m: string) => paid.get(m)!.points / paid.get(m)!.jobs;
    const weak = items[0]!;
    expect(weak.onTime24h.jobs).toBe(12);
    expect(weak.points24h).toBeCloseTo(paid.get(WEAK)!.points, 6);
    expect(weak.pointsPerJob24h).toBeCloseTo(ppj(WEAK), 9);
    // The median of the wallet's image RTX 4090s with jobs: the LLM 4090, the idle one and the 3090 are not in it.
    const siblings = [A, B, C, WEAK].map(ppj).sort((x, y) => x - y);
    const median = (siblings[1]! + siblings[2]!) / 2;
    expect(weak.vsMedian).toEqual({ ratio: expect.closeTo(ppj(WEAK) / median, 9), median: expect.closeTo(median, 9), gpus: 4 });
    expect(weak.vsMedian.ratio).toBeLessThan(0.4);
    const byId = new Map(items.map((m) => [m.minerId, m]));
    expect(byId.get(LLM)).toMatchObject({ pointType: "llama", vsMedian: { ratio: null, gpus: 1 } });
    expect(byId.get(IDLE)).toMatchObject({ idle: true, pointsPerJob24h: null, vsMedian: { ratio: null } });
    expect(byId.get(FLUX)).toMatchObject({ points24h: 0, pointsPerJob24h: 0, vsMedian: { ratio: null, gpus: 1 } });
    expect(body.idleGpus).toBe(1);
  });

  const keyOf: Record<WalletMinerSort, (m: WalletMiner) => number | string | null> = {
    minerId: (m) => m.minerId,
    hardware: (m) => m.hardware,
    lastSeenAt: (m) => m.lastSeenAt,
    firstSeenAt: (m) => m.firstSeenAt,
    totalWaifuPoints: (m) => m.totalWaifuPoints,
    totalLlamaPoints: (m) => m.totalLlamaPoints,
    points24h: (m) => m.points24h,
    pointsPerJob24h: (m) => m.pointsPerJob24h,
    vsMedian: (m) => m.vsMedian.ratio,
    availability24h: (m) => m.availability24h.ratio,
    onTime24h: (m) => m.onTime24h.ratio,
    stake: (m) => m.stake,
  };

  test.each(WALLET_MINER_SORTS.flatMap((sort) => (["asc", "desc"] as const).map((order) => [sort, order] as const)))(
    "sort=%s&order=%s: in order, GPUs without the figure last, ties by miner ID, pages that neither overlap nor skip",
    async (sort, order) => {
      const { body } = await wallet(`sort=${sort}&order=${order}&pageSize=200`);
      const items: WalletMiner[] = body.miners.items;
      expect(items.map((m) => m.minerId).sort()).toEqual([...ALL].sort());
      const key = keyOf[sort];
      for (let i = 1; i < items.length; i++) {
        const [x, y] = [key(items[i - 1]!), key(items[i]!)];
        if (x === null) expect(y).toBeNull();
        else if (y !== null && x !== y) expect(order === "asc" ? x < y : x > y).toBe(true);
        if (x === y) expect(items[i - 1]!.minerId < items[i]!.minerId).toBe(true);
      }
      const paged: string[] = [];
      for (let page = 1; page <= 3; page++) paged.push(...(await ids(`sort=${sort}&order=${order}&pageSize=3&page=${page}`)));
      expect(paged).toEqual(items.map((m) => m.minerId));
    },
  );

  test("ties are real: two siblings with the same points sort by miner ID both ways", async () => {
    for (const order of ["asc", "desc"]) {
      const list = await ids(`sort=pointsPerJob24h&order=${order}&pageSize=200`);
      expect(list.indexOf(A) + 1).toBe(list.indexOf(B));
    }
  });

  test("filters: idle, below median, zero-earning, with the text filter, and in the URL order", async () => {
    expect(await ids("idle=1")).toEqual([IDLE]);
    expect(await ids("zeroEarning=1")).toEqual([FLUX]);
    expect(await ids("belowMedian=1&sort=vsMedian&order=asc")).toEqual([WEAK, C]);
    expect(await ids("belowMedian=1&sort=vsMedian&order=desc")).toEqual([C, WEAK]);
    expect(await ids("belowMedian=1&q=weak")).toEqual([WEAK]);
    expect(await ids("belowMedian=1&zeroEarning=1")).toEqual([]);
    const { body } = await wallet("belowMedian=1&pageSize=1");
    expect(body.miners.total).toBe(2);
    expect(body.gpuCount).toBe(7);
  });

  test("the CSV is the table's rows as filtered and sorted, every page", async () => {
    const query = "sort=vsMedian&order=asc&belowMedian=1&pageSize=1";
    const res = await getMinersCsv(new Request(`http://localhost/api/v1/wallets/${W}/miners.csv?${query}`), { params: Promise.resolve({ address: W }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const [header, ...lines] = (await res.text()).trimEnd().split("\r\n");
    const cols = header!.split(",");
    const rows = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i], v])));
    const { body } = await wallet("sort=vsMedian&order=asc&belowMedian=1&pageSize=200");
    expect(rows.map((r) => r.miner_id)).toEqual(body.miners.items.map((m: WalletMiner) => m.minerId));
    expect(rows.map((r) => Number(r.vs_median_ratio))).toEqual(body.miners.items.map((m: WalletMiner) => m.vsMedian.ratio));
    expect(rows.map((r) => Number(r.points_24h))).toEqual(body.miners.items.map((m: WalletMiner) => m.points24h));
    expect(rows[0]).toMatchObject({ miner_id: WEAK, jobs_24h: "12", median_gpus: "4", idle: "0", point_type: "waifu" });
  });

  test.each([
    ["sort=bogus", "sort"],
    ["order=up", "order"],
    ["idle=2", "idle"],
    ["belowMedian=yes", "belowMedian"],
    ["zeroEarning=", "zeroEarning"],
    ["pageSize=500", "pageSize"],
  ])("%s is a 400 naming %s, from the API and the CSV", async (query, param) => {
    const { status, body } = await wallet(query);
    expect(status).toBe(400);
    expect(JSON.stringify(body.error.details)).toContain(param);
    const csv = await getMinersCsv(new Request(`http://localhost/api/v1/wallets/${W}/miners.csv?${query}`), { params: Promise.resolve({ address: W }) });
    expect(csv.status).toBe(400);
    expect(JSON.stringify((await csv.json()).error.details)).toContain(param);
  });

  test("an unknown wallet's CSV is a JSON 404", async () => {
    const other = randomWallet();
    const res = await getMinersCsv(new Request(`http://localhost/api/v1/wallets/${other}/miners.csv`), { params: Promise.resolve({ address: other }) });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });
});

test("the GPU's page says where it stands and why, from its ledger entries of the same 24 hours", async () => {
  const standing = await minerStanding(WEAK, W, 0, new Date(now));
  expect(standing!.sentence).toBe(
    "2.05 Waifu Points per job over the last 24 h (12 jobs), 64 % below the median 5.66 of this wallet's 4 RTX 4090 GPUs serving image jobs: 7 of its 12 jobs were SD 1.5 (×0.3 in testnet-2024-09); 3 earned nothing (over the timeout).",
  );
  expect((await minerStanding(IDLE, W, 0, new Date(now)))!.sentence).toMatch(/^No jobs in the last 24 hours/);
  expect((await minerStanding(FLUX, W, 0, new Date(now)))!.sentence).toBe(
    "0 Waifu Points per job over the last 24 h (2 jobs); no other RTX 3090 of this wallet served image jobs in that time, so there is nothing to compare with. Of its jobs: 2 earned nothing (Flux is ×0 in testnet-2024-09).",
  );
  expect(await minerStanding(`${randomWallet()}-x`, W, 0, new Date(now))).toBeNull();
});
