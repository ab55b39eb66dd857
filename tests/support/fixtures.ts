import { randomBytes } from "node:crypto";
import pg from "pg";
import type { JobInput } from "@/lib/schemas/jobs";
import { applyChainLogs } from "@/lib/server/chain/apply";
import { TOKEN_HEU, ZERO_ADDRESS, type ChainEventData } from "@/lib/server/chain/events";
import { foldAll } from "@/lib/server/rollups/fold";
import { signedHeaders } from "@/lib/signing";

export const SECRET = "test-secret-for-integration-tests";

export function randomWallet(): string {
  return `0x${randomBytes(20).toString("hex")}`;
}

let counter = 0;
export function jobId(prefix = "job"): string {
  return `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}-${randomBytes(3).toString("hex")}`;
}

export function imageJob(overrides: Partial<JobInput> = {}): JobInput {
  return {
    job_id: jobId("img"),
    miner_id: `${randomWallet()}-4090rig`,
    model_id: "SDXL",
    status: "completed",
    completed_at: "2024-09-02T10:15:00Z",
    hardware: "NVIDIA GeForce RTX 4090",
    inference_latency: 4.2,
    width: 1024,
    height: 1024,
    num_iterations: 20,
    ...overrides,
  };
}

export function llmJob(overrides: Partial<JobInput> = {}): JobInput {
  return {
    job_id: jobId("llm"),
    miner_id: `${randomWallet()}-a100`,
    model_id: "hermes-3-llama3.1-8b",
    status: "completed",
    completed_at: "2024-09-02T10:20:00Z",
    hardware: "NVIDIA A100 80GB PCIe",
    inference_latency: 12.5,
    input_tokens: 1200,
    output_tokens: 800,
    ...overrides,
  };
}

export function signedRequest(body: unknown, opts: { secret?: string; timestamp?: number; url?: string } = {}): Request {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return new Request(opts.url ?? "http://localhost/api/v1/jobs", {
    method: "POST",
    headers: signedHeaders(opts.secret ?? SECRET, raw, opts.timestamp),
    body: raw,
  });
}

let sharedPool: pg.Pool | undefined;
export function db(): pg.Pool {
  sharedPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  return sharedPool;
}

export async function count(table: string, where = "true", params: unknown[] = []): Promise<number> {
  const res = await db().query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table} WHERE ${where}`, params);
  return Number(res.rows[0]!.n);
}

/**
 * Folds every pending rollup delta now, as the worker's folder does continuously (decision 0024):
 * call it between writing and reading rollups (nodes' totals, hourly and daily rollups, buckets).
 */
export async function foldNow(): Promise<void> {
  await foldAll(db());
}

/** Everything a batch can write, for "nothing was written" assertions. */
export async function tableCounts(): Promise<Record<string, number>> {
  const tables = ["jobs", "ledger_entries", "nodes", "wallets", "ingest_deltas", "miner_hourly", "wallet_hourly", "hardware_hourly"];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await count(t);
  return out;
}

// Chain state for read and pricing tests, written through the indexer's own `applyChainLogs` with
// made-up block positions (the indexer itself is tested against a real anvil in chain-indexer).
// Unique across test files (each has its own module state): a log at a known position is skipped.
let fakeBlock = BigInt(Date.now()) * 1000n;

export async function applyFakeChainEvents(events: { event: ChainEventData; at?: Date }[]): Promise<void> {
  const client = await db().connect();
  try {
    await client.query("BEGIN");
    await applyChainLogs(
      client,
      events.map(({ event, at }) => {
        fakeBlock += 1n;
        return {
          blockNumber: fakeBlock,
          logIndex: 0,
          blockHash: `0x${fakeBlock.toString(16).padStart(64, "0")}`,
          txHash: `0x${"ab".repeat(32)}`,
          blockTime: at ?? new Date(),
          contract: "0xfixture",
          event,
        };
      }),
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

let fakeTokenId = 0n;

/** `wallet` receives `count` Heurist Imaginaries at `at` (default now). */
export function giveNfts(wallet: string, count = 1, at?: Date): Promise<void> {
  return applyFakeChainEvents(
    Array.from({ length: count }, () => ({ event: { name: "Transfer" as const, from: ZERO_ADDRESS, to: wallet.toLowerCase(), tokenId: ++fakeTokenId }, at })),
  );
}

/** `heu` HEU staked on `minerId` at `at` (default now) by a made-up staker. */
export function stakeOn(minerId: string, heu: number, at?: Date, staker = "0x00000000000000000000000000000000000057a4", token = TOKEN_HEU): Promise<void> {
  return applyFakeChainEvents([{ event: { name: "Staked", minerId: minerId.toLowerCase(), staker, token, amount: BigInt(heu) * 10n ** 18n }, at }]);
}
