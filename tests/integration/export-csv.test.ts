// CSV exports: daily points and ledger entries of jobs ingested through the real POST route.
import { beforeAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { GET as minerDaily } from "@/app/api/v1/miners/[minerId]/daily.csv/route";
import { GET as minerLedger } from "@/app/api/v1/miners/[minerId]/ledger.csv/route";
import { GET as walletDaily } from "@/app/api/v1/wallets/[address]/daily.csv/route";
import { GET as walletLedger } from "@/app/api/v1/wallets/[address]/ledger.csv/route";
import { ledgerCsvStream, walletLedgerCsvStream } from "@/lib/server/queries/ledger-export";
import { foldNow, imageJob, llmJob, randomWallet, signedRequest } from "../support/fixtures";

async function ingest(jobs: unknown[]) {
  const res = await POST(signedRequest({ jobs }));
  if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}`);
  await foldNow(); // what the worker's folder does within a second (decision 0024)
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
async function call<P>(handler: Handler<P>, path: string, params: P) {
  return handler(new Request(`http://localhost${path}`), { params: Promise.resolve(params) });
}

/** CSV text as rows of fields (the exports quote nothing these fixtures contain). */
function rowsOf(text: string): string[][] {
  expect(text.endsWith("\r\n")).toBe(true);
  return text
    .slice(0, -2)
    .split("\r\n")
    .map((line) => line.split(","));
}

const W = randomWallet();
const alpha = `${W}-alpha`;
const bravo = `${W}-bravo`;
const tie = "2024-09-02T10:15:00.000Z";
const jobs = [
  imageJob({ miner_id: alpha, job_id: "exp-a1", completed_at: "2024-09-01T08:00:00Z" }), // 6
  imageJob({ miner_id: alpha, job_id: "exp-a2", completed_at: tie, width: 512, height: 512 }), // 1
  imageJob({ miner_id: alpha, job_id: "exp-a3", completed_at: tie, inference_latency: 20 }), // 0: timeout
  llmJob({ miner_id: alpha, job_id: "exp-a4", completed_at: "2024-09-03T23:59:59.999Z", hardware: "NVIDIA GeForce RTX 4090" }), // 1 llama
  imageJob({ miner_id: alpha, job_id: "exp-a5", completed_at: "2024-09-04T00:00:00Z", num_iterations: 40 }), // 12, the day after the range
  imageJob({ miner_id: bravo, job_id: "exp-b1", completed_at: "2024-09-02T12:00:00Z", status: "failed" }), // 0
];

beforeAll(async () => {
  await ingest(jobs.map((j) => ({ ...j, job_id: `${j.job_id}-${W.slice(2, 10)}` })));
});

const LEDGER_HEADER =
  "occurred_at,entry_id,kind,job_id,miner_id,point_type,model_id,schedule_id,base_points,model_multiplier,nft_multiplier,nft_count,stake_multiplier,stake_heu,points,zero_reason,note,job_status,latency_s,width,height,steps,input_tokens,output_tokens";

describe("GET /api/v1/miners/{minerId}/ledger.csv", () => {
  test("every entry of the range, oldest first, factor by factor, as a download", async () => {
    const res = await call(minerLedger, `/api/v1/miners/${alpha}/ledger.csv?from=2024-09-01&to=2024-09-03`, { minerId: alpha.toUpperCase().replace("0X", "0x") });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="heurist-ledger-${alpha}-2024-09-01-to-2024-09-03.csv"`);
    const [header, ...rows] = rowsOf(await res.text());
    expect(header!.join(",")).toBe(LEDGER_HEADER);
    const col = (name: string) => LEDGER_HEADER.split(",").indexOf(name);
    const pick = (row: string[], ...names: string[]) => names.map((n) => row[col(n)]);
    const suffix = `-${W.slice(2, 10)}`;
    expect(
      rows.map((r) => pick(r, "occurred_at", "job_id", "point_type", "base_points", "model_multiplier", "nft_multiplier", "stake_multiplier", "points", "zero_reason")),
    ).toEqual([
      ["2024-09-01T08:00:00.000Z", `exp-a1${suffix}`, "waifu", "6", "1", "1", "1", "6", ""],
      [tie, `exp-a2${suffix}`, "waifu", "1", "1", "1", "1", "1", ""],
      [tie, `exp-a3${suffix}`, "waifu", "6", "1", "1", "1", "0", "timeout"],
      ["2024-09-03T23:59:59.999Z", `exp-a4${suffix}`, "llama", "2", "0.5", "1", "1", "1", ""],
    ]);
    expect(pick(rows[0]!, "kind", "miner_id", "model_id", "schedule_id", "job_status", "latency_s", "width", "height", "steps", "input_tokens")).toEqual([
      "job",
      alpha,
      "SDXL",
      "testnet-2024-09",
      "completed",
      "4.2",
      "1024",
      "1024",
      "20",
      "",
    ]);
    expect(pick(rows[3]!, "model_id", "input_tokens", "output_tokens", "width")).toEqual(["hermes-3-llama3.1-8b", "1200", "800", ""]);
    // Entries that share an instant are ordered by id, so keyset pages neither skip nor repeat them.
    expect(Number(rows[1]![col("entry_id")])).toBeLessThan(Number(rows[2]![col("entry_id")]));
  });

  test("pages of one row stream the same file as one page", async () => {
    const range = { start: new Date("2024-09-01T00:00:00Z"), end: new Date("2024-09-05T00:00:00Z") };
    const whole = await new Response(ledgerCsvStream(alpha, range, 1000)).text();
    const paged = await new Response(ledgerCsvStream(alpha, range, 1)).text();
    expect(paged).toBe(whole);
    expect(rowsOf(paged)).toHaveLength(1 + 5);
  });

  test("a range without entries is just the header", async () => {
    const res = await call(minerLedger, `/api/v1/miners/${alpha}/ledger.csv?from=2024-08-01&to=2024-08-31`, { minerId: alpha });
    expect(await res.text()).toBe(`${LEDGER_HEADER}\r\n`);
  });

  test.each([
    ["from=2024-09-10&to=2024-09-01", [{ field: "from", reason: "from must be on or before to" }]],
    ["from=2024-01-01&to=2024-09-01", [{ field: "to", reason: "the range is 245 days; at most 92 days per export" }]],
    ["from=yesterday", [{ field: "from", reason: "from must be a date YYYY-MM-DD" }]],
  ])("400 for %s", async (query, details) => {
    const res = await call(minerLedger, `/api/v1/miners/${alpha}/ledger.csv?${query}`, { minerId: alpha });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect((await res.json()).error).toMatchObject({ code: "bad_request", details });
  });

  test("404 for an unknown miner, 400 for a malformed one", async () => {
    const unknown = await call(minerLedger, "/api/v1/miners/x/ledger.csv", { minerId: `${randomWallet()}-nope` });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
    const bad = await call(minerLedger, "/api/v1/miners/x/ledger.csv", { minerId: "0x12-rig" });
    expect(bad.status).toBe(400);
  });
});

const DAILY_HEADER = "date,waifu_points,llama_points,image_jobs,text_jobs,jobs,successful_jobs,on_time_rate";

describe("GET daily.csv", () => {
  test("miner: one row per UTC day of the range, zeros included", async () => {
    const res = await call(minerDaily, `/api/v1/miners/${alpha}/daily.csv?from=2024-08-31&to=2024-09-04`, { minerId: alpha });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="heurist-daily-${alpha}-2024-08-31-to-2024-09-04.csv"`);
    expect(rowsOf(await res.text())).toEqual([
      DAILY_HEADER.split(","),
      ["2024-08-31", "0", "0", "0", "0", "0", "0", ""],
      ["2024-09-01", "6", "0", "1", "0", "1", "1", "1.0000"],
      ["2024-09-02", "1", "0", "1", "0", "2", "1", "0.5000"],
      ["2024-09-03", "0", "1", "0", "1", "1", "1", "1.0000"],
      ["2024-09-04", "12", "0", "1", "0", "1", "1", "1.0000"],
    ]);
  });

  test("wallet: the sum of its GPUs per day", async () => {
    const res = await call(walletDaily, `/api/v1/wallets/${W}/daily.csv?from=2024-09-02&to=2024-09-02`, { address: W.toUpperCase().replace("0X", "0x") });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="heurist-daily-${W}-2024-09-02-to-2024-09-02.csv"`);
    expect(rowsOf(await res.text())).toEqual([DAILY_HEADER.split(","), ["2024-09-02", "1", "0", "1", "0", "3", "1", "0.3333"]]);
  });

  test("400 for a range over a year, 404 for an unknown wallet", async () => {
    const long = await call(walletDaily, `/api/v1/wallets/${W}/daily.csv?from=2023-01-01&to=2024-09-01`, { address: W });
    expect(long.status).toBe(400);
    expect((await long.json()).error.details).toEqual([{ field: "to", reason: "the range is 610 days; at most 366 days per export" }]);
    const unknown = await call(walletDaily, "/api/v1/wallets/x/daily.csv", { address: randomWallet() });
    expect(unknown.status).toBe(404);
  });
});

describe("GET /api/v1/wallets/{address}/ledger.csv", () => {
  test("every GPU of the wallet, GPU after GPU, each oldest first", async () => {
    const res = await call(walletLedger, `/api/v1/wallets/${W}/ledger.csv?from=2024-09-01&to=2024-09-04`, { address: W });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="heurist-ledger-${W}-2024-09-01-to-2024-09-04.csv"`);
    const [header, ...rows] = rowsOf(await res.text());
    expect(header!.join(",")).toBe(LEDGER_HEADER);
    const col = (name: string) => LEDGER_HEADER.split(",").indexOf(name);
    expect(rows.map((r) => [r[col("miner_id")], r[col("points")], r[col("zero_reason")]])).toEqual([
      [alpha, "6", ""],
      [alpha, "1", ""],
      [alpha, "0", "timeout"],
      [alpha, "1", ""],
      [alpha, "12", ""],
      [bravo, "0", "status"],
    ]);
  });

  test("pages of one row give the same file", async () => {
    const range = { start: new Date("2024-09-01T00:00:00Z"), end: new Date("2024-09-05T00:00:00Z") };
    const whole = await new Response(walletLedgerCsvStream(W, range, 1000)).text();
    expect(await new Response(walletLedgerCsvStream(W, range, 1)).text()).toBe(whole);
  });

  test("at most 31 days; 404 for an unknown wallet", async () => {
    const long = await call(walletLedger, `/api/v1/wallets/${W}/ledger.csv?from=2024-08-01&to=2024-09-01`, { address: W });
    expect(long.status).toBe(400);
    expect((await long.json()).error.details).toEqual([{ field: "to", reason: "the range is 32 days; at most 31 days per export" }]);
    const unknown = await call(walletLedger, "/api/v1/wallets/x/ledger.csv", { address: randomWallet() });
    expect(unknown.status).toBe(404);
  });
});

describe("formula cells (issue 9: a job id like -1-A1-… was written unescaped)", () => {
  const m = `${randomWallet()}-csv`;
  // Job ids may start with "-" (letters, digits and _ . : -): numbers and formulas to a spreadsheet.
  const ids = ["-1-A1-2", "-2", "-1.5e3", "-0:0"];

  test("every text cell that starts with = + - @ is neutralised; numeric columns stay plain numbers", async () => {
    await ingest(ids.map((job_id, i) => imageJob({ miner_id: m, job_id, completed_at: `2024-09-05T0${i}:00:00Z` })));
    const res = await call(minerLedger, `/api/v1/miners/${m}/ledger.csv?from=2024-09-05&to=2024-09-05`, { minerId: m });
    expect(res.status).toBe(200);
    const [header, ...rows] = rowsOf(await res.text());
    const jobId = header!.indexOf("job_id");
    const points = header!.indexOf("points");
    expect(rows.map((r) => r[jobId]).sort()).toEqual(ids.map((id) => `"'${id}"`).sort());
    for (const r of rows) expect(r[points]).toBe("6");
  });
});
