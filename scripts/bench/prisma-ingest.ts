// `npm run bench:prisma-ingest`: the ingest hot path's two bulk writes (a batch's jobs, ON CONFLICT
// DO NOTHING with the created ids returned, then its ledger entries) in one transaction, as
// write-batch.ts does them (unnest on a pg client) against the same rows through Prisma Client
// (createManyAndReturn + createMany in an interactive $transaction), on one pool of one throwaway
// PostgreSQL. Rounds alternate which goes first; prints each round's ms per 1,000-job batch and the
// medians (decision 0039).
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { PricedRow } from "../../lib/server/ingest/batch-rows";
import { JOB_COLUMNS, LEDGER_COLUMNS, unnestInsert } from "../../lib/server/ingest/batch-rows";
import type { PreparedJob } from "../../lib/server/ingest/prepare-jobs";
import { PrismaClient } from "../../lib/server/generated/prisma/client";
import { startBenchDatabase } from "./bench-db";

const { values } = parseArgs({ options: { batches: { type: "string", default: "20" }, rounds: { type: "string", default: "5" } } });
const BATCH = 1000;
const batches = Number(values.batches);
const rounds = Number(values.rounds);
const T0 = Date.parse("2024-01-01T00:00:00Z"); // before the first epoch: the ledger's history partition

/** A batch of priced rows shaped as the ingest has them (only the fields the two writes read). */
function batchOf(tag: string): PricedRow[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const wallet = `0x${(i % 50).toString(16).padStart(40, "0")}`;
    const job = {
      job_id: `${tag}-${i}`,
      miner_id: `${wallet}-gpu${i % 20}`,
      model_id: "SDXL",
      status: "completed",
      inference_latency: 3.25,
      width: 1024,
      height: 1024,
      num_iterations: 30,
    };
    const prepared = { job, wallet, completedAt: new Date(T0 + i * 1000), contentHash: `h${tag}${i}` } as unknown as PreparedJob;
    const priced = {
      pointType: "waifu",
      scheduleId: "v1",
      baseMicro: 1_000_000,
      modelMultiplierPpm: 1_000_000,
      nftMultiplierPpm: 1_000_000,
      stakeMultiplierPpm: 1_000_000,
      pointsMicro: 1_000_000,
      zeroReason: null,
    };
    return { prepared, priced, nftCount: 0, stakeHeu: 0 } as unknown as PricedRow;
  });
}

async function viaPg(db: pg.Pool, rows: PricedRow[]): Promise<void> {
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    const jobs = unnestInsert(
      "jobs",
      JOB_COLUMNS,
      rows.map((r) => r.prepared),
    );
    await client.query(`${jobs.sql} ON CONFLICT (job_id) DO NOTHING RETURNING job_id`, jobs.params);
    const ledger = unnestInsert("ledger_entries", LEDGER_COLUMNS, rows);
    await client.query(ledger.sql, ledger.params);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}

async function viaPrisma(prisma: PrismaClient, rows: PricedRow[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.job.createManyAndReturn({
      data: rows.map(({ prepared: p }) => ({
        jobId: p.job.job_id,
        minerId: p.job.miner_id,
        modelId: p.job.model_id,
        status: p.job.status,
        completedAt: p.completedAt,
        hardware: p.job.hardware ?? null,
        inferenceLatency: String(p.job.inference_latency),
        width: p.job.width ?? null,
        height: p.job.height ?? null,
        numIterations: p.job.num_iterations ?? null,
        contentHash: p.contentHash,
      })),
      skipDuplicates: true,
      select: { jobId: true },
    });
    await tx.ledgerEntry.createMany({
      data: rows.map((r) => ({
        kind: "job" as const,
        jobId: r.prepared.job.job_id,
        minerId: r.prepared.job.miner_id,
        wallet: r.prepared.wallet,
        pointType: r.priced.pointType,
        occurredAt: r.prepared.completedAt,
        scheduleId: r.priced.scheduleId,
        modelId: r.prepared.job.model_id,
        baseMicro: BigInt(r.priced.baseMicro),
        modelMultiplierPpm: r.priced.modelMultiplierPpm,
        nftMultiplierPpm: r.priced.nftMultiplierPpm,
        stakeMultiplierPpm: r.priced.stakeMultiplierPpm,
        nftCount: r.nftCount,
        stakeHeu: String(r.stakeHeu),
        pointsMicro: BigInt(r.priced.pointsMicro),
        zeroReason: r.priced.zeroReason,
      })),
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const database = await startBenchDatabase();
const db = new pg.Pool({ connectionString: database.url, max: 4 });
const prisma = new PrismaClient({ adapter: new PrismaPg(db) });
try {
  const ways = { pg: (rows: PricedRow[]) => viaPg(db, rows), prisma: (rows: PricedRow[]) => viaPrisma(prisma, rows) };
  await ways.pg(batchOf("warm-pg"));
  await ways.prisma(batchOf("warm-prisma"));
  const ms: Record<keyof typeof ways, number[]> = { pg: [], prisma: [] };
  for (let round = 0; round < rounds; round++) {
    const order = (round % 2 === 0 ? ["pg", "prisma"] : ["prisma", "pg"]) as (keyof typeof ways)[];
    for (const way of order) {
      const data = Array.from({ length: batches }, (_, b) => batchOf(`r${round}-${way}-${b}`));
      const started = performance.now();
      for (const rows of data) await ways[way](rows);
      ms[way].push((performance.now() - started) / batches);
    }
    console.log(`round ${round + 1}: pg ${ms.pg.at(-1)!.toFixed(1)} ms/batch, prisma ${ms.prisma.at(-1)!.toFixed(1)} ms/batch`);
  }
  // Both ways wrote every row: a way that silently wrote nothing would look fast.
  const { rows } = await db.query<{ jobs: number; entries: number }>("SELECT (SELECT count(*) FROM jobs)::int AS jobs, (SELECT count(*) FROM ledger_entries)::int AS entries");
  const expected = (2 + 2 * rounds * batches) * BATCH;
  if (rows[0]!.jobs !== expected || rows[0]!.entries !== expected) throw new Error(`expected ${expected} jobs and entries, found ${JSON.stringify(rows[0])}`);
  const [p, q] = [median(ms.pg), median(ms.prisma)];
  console.log(`median over ${rounds} rounds of ${batches} batches of ${BATCH} jobs: pg ${p.toFixed(1)} ms/batch, prisma ${q.toFixed(1)} ms/batch (${(q / p).toFixed(2)}×)`);
} finally {
  await prisma.$disconnect();
  await db.end();
  database.stop();
}
