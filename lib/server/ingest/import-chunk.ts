import "server-only";
import type pg from "pg";
import { joinSettlementBarrier } from "../epochs/epoch-points";
import { JOB_COLUMNS, LEDGER_COLUMNS, priceFresh, recordDeltas, registerNodes } from "./batch-rows";
import { copyLine, copyLines, copyRows } from "./copy-rows";
import { advanceImport, type ImportStep } from "./import-state";
import type { PreparedJob } from "./prepare-jobs";
import { jobContentHashes } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

// One chunk of a bulk import (decision 0025) in one transaction: the jobs and ledger entries with
// COPY, the rest exactly as a live batch writes it (write-batch.ts: the settlement barrier first,
// the same pricing, node registration and rollup delta), and the import's progress.

/** A validated job of the file, with its line and its `jobs` row in COPY format (`importJob` makes one). */
export interface ImportJob {
  prepared: PreparedJob;
  line: number;
  jobRow: string;
}

/** A validated job as a chunk takes it: its `jobs` row is rendered here, by the reader, outside the chunk's transaction. */
export function importJob(prepared: PreparedJob, line: number): ImportJob {
  return { prepared, line, jobRow: copyLine(JOB_COLUMNS, prepared) };
}

/** A line of the file that was not written, and why. */
export interface ImportRejection {
  line: number;
  reason: string;
  /** The job as read (absent when the line could not be read as one). */
  job?: unknown;
}

export interface ImportChunk {
  jobs: readonly ImportJob[];
  /** Where the chunk ends in the file (byte offset after its last line) and the lines read up to there. */
  offset: number;
  lines: number;
  /** The file's last chunk. */
  finished: boolean;
}

export interface ChunkResult {
  created: number;
  duplicates: number;
  /** Jobs refused here: a job id already stored, or repeated in the chunk, with other content. */
  conflicts: ImportRejection[];
}

/** Before COMMIT, with what the chunk wrote: record its rejections; returns how many and the report's size. */
export type BeforeCommit = (result: ChunkResult) => Promise<{ rejected: number; reportBytes: number }>;

/** What a run of an import learns as it goes, kept from one chunk to the next. */
export class ImportSession {
  /** Miner IDs whose nodes exist (registered, or found, by a committed chunk): registering them again changes nothing. */
  readonly knownNodes = new Set<string>();
  /**
   * Whether to look the chunk's job ids up before its COPY. A fresh file never needs it: a stored id
   * fails the COPY on the primary key and the chunk is written again with the lookup, as is every
   * later chunk of the run (a re-run, a file that overlaps what is stored).
   */
  lookUpFirst = false;
}

const isStoredJobId = (err: unknown) => (err as { code?: string; constraint?: string }).code === "23505" && (err as { constraint?: string }).constraint === "jobs_pkey";

/** A stored job id met by the COPY (a re-run, or a live batch that committed one meanwhile), deadlocks, serialization failures. */
function retryable(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === "40P01" || code === "40001" || isStoredJobId(err);
}

async function writeJobs(client: pg.PoolClient, session: ImportSession, jobs: readonly ImportJob[]): Promise<ChunkResult & { minerIds: string[] }> {
  const result = { created: 0, duplicates: 0, conflicts: [] as ImportRejection[], minerIds: [] as string[] };
  if (jobs.length === 0) return result;
  // First, before any row lock (as writeBatch): the chunk's entries and a settlement's close never overlap.
  const open = await joinSettlementBarrier(client);

  const stored = new Map<string, string>();
  if (session.lookUpFirst) {
    const ids = [...new Set(jobs.map((j) => j.prepared.job.job_id))];
    for (const r of await queryTyped(client, jobContentHashes(ids))) stored.set(r.job_id, r.content_hash);
  }
  // Each line on its own, in file order: a stored id with the same content is a duplicate, with other
  // content a rejection; the first line of a new id is written, a repeat of it is a duplicate or a rejection.
  const fresh: ImportJob[] = [];
  const freshById = new Map<string, ImportJob>();
  for (const j of jobs) {
    const id = j.prepared.job.job_id;
    const hash = stored.get(id);
    const seen = freshById.get(id);
    if (hash !== undefined) {
      if (hash === j.prepared.contentHash) result.duplicates++;
      else result.conflicts.push({ line: j.line, reason: "job_id was already ingested with different content", job: j.prepared.job });
    } else if (seen) {
      if (seen.prepared.contentHash === j.prepared.contentHash) result.duplicates++;
      else result.conflicts.push({ line: j.line, reason: `job_id repeats line ${seen.line} with different content`, job: j.prepared.job });
    } else {
      freshById.set(id, j);
      fresh.push(j);
    }
  }
  if (fresh.length === 0) return result;

  // Job ids in key order, as writeBatch inserts them: a live batch sharing ids waits, never deadlocks.
  // A stored id (or one a live batch commits meanwhile) fails the COPY (23505): the chunk is retried with the lookup.
  const byId = [...fresh].sort((a, b) => (a.prepared.job.job_id < b.prepared.job.job_id ? -1 : 1));
  await copyLines(
    client,
    "jobs",
    JOB_COLUMNS,
    byId.map((j) => j.jobRow),
  );
  const priced = await priceFresh(
    client,
    fresh.map((j) => j.prepared),
  );
  // Entries in (miner, time) order: neighbours in the ledger's (miner_id, occurred_at) index arrive together.
  const byMiner = [...priced].sort((a, b) =>
    a.prepared.job.miner_id < b.prepared.job.miner_id
      ? -1
      : a.prepared.job.miner_id > b.prepared.job.miner_id
        ? 1
        : a.prepared.completedAt.getTime() - b.prepared.completedAt.getTime(),
  );
  await copyRows(client, "ledger_entries", LEDGER_COLUMNS, byMiner);
  await registerNodes(
    client,
    priced.filter((r) => !session.knownNodes.has(r.prepared.job.miner_id)),
  );
  await recordDeltas(client, open, priced);
  result.created = priced.length;
  result.minerIds = [...new Set(priced.map((r) => r.prepared.job.miner_id))];
  return result;
}

/**
 * Writes one chunk and moves the import from byte `from` to the chunk's end, in one transaction:
 * after a crash the chunk is either wholly there with its progress, or not at all.
 */
export async function writeImportChunk(
  client: pg.PoolClient,
  session: ImportSession,
  fileKey: string,
  from: number,
  chunk: ImportChunk,
  beforeCommit: BeforeCommit,
): Promise<ChunkResult & { rejected: number; reportBytes: number }> {
  for (let attempt = 1; ; attempt++) {
    await client.query("BEGIN");
    try {
      const { minerIds, ...result } = await writeJobs(client, session, chunk.jobs);
      const report = await beforeCommit(result);
      const step: ImportStep = { offset: chunk.offset, lines: chunk.lines, created: result.created, duplicates: result.duplicates, finished: chunk.finished, ...report };
      await advanceImport(client, fileKey, from, step);
      await client.query("COMMIT");
      for (const id of minerIds) session.knownNodes.add(id);
      return { ...result, ...report };
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      if (isStoredJobId(err)) session.lookUpFirst = true;
      if (retryable(err) && attempt < 5) continue;
      throw err;
    }
  }
}
