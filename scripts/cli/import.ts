// `npm run cli -- import <file.jsonl|csv>`: bulk backfill of historical jobs straight into the
// database (decision 0025). Each job is validated and priced as live ingestion does it (the same
// checkJobs, pricing, node registration and rollup deltas); jobs and ledger entries go in with
// COPY, in chunks of one transaction each that also advance the file's row in `imports`, so a
// re-run after Ctrl-C or a crash goes on exactly after the last committed chunk. Rejected lines go
// to a report (`<file>.rejected.jsonl`) with their reasons, each exactly once.
import { createHash } from "node:crypto";
import { open, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { Presets, SingleBar } from "cli-progress";
import type pg from "pg";
import { ImportSession, importJob, writeImportChunk, type ImportChunk, type ImportJob, type ImportRejection } from "../../lib/server/ingest/import-chunk";
import { lockImport, openImport, unlockImport, type ImportFormat } from "../../lib/server/ingest/import-state";
import { checkJobs } from "../../lib/server/ingest/prepare-jobs";
import { csvHeader, csvRecords, jsonlRecords, type FilePosition } from "./file-records";

export const DEFAULT_CHUNK_JOBS = 20_000;

export interface ImportFileOptions {
  file: string;
  /** Where the report goes on a first run (default `<file>.rejected.jsonl`); a resumed run keeps its own. */
  report?: string;
  /** Start over instead of resuming (or importing a finished file again: all duplicates). */
  restart?: boolean;
  /** Lines (jobs and rejected ones) per chunk and transaction. */
  chunkSize?: number;
  /** Default: from the extension (`.csv`, else JSONL). */
  format?: ImportFormat;
  quiet?: boolean;
  /** Stops after the chunk being written commits (Ctrl-C); the next run resumes there. */
  signal?: AbortSignal;
}

export interface ImportSummary {
  file: string;
  lines: number;
  created: number;
  duplicates: number;
  rejected: number;
  /** Line and byte this run started after (0: from the start). */
  resumedFromLine: number;
  resumedFromByte: number;
  /** Jobs this run wrote (created) and found already there (duplicates). */
  run: { created: number; duplicates: number; rejected: number };
  report: string;
  elapsedMs: number;
  /** The file was imported to its end before; nothing was read. */
  alreadyImported: boolean;
  /** Stopped by the signal before the end. */
  interrupted: boolean;
}

/** A file is known by its size and the SHA-256 of its first and last 64 KiB (cheap at any size). */
export async function fileKeyOf(file: string, size: number): Promise<string> {
  const fh = await open(file, "r");
  try {
    const span = Math.min(size, 64 * 1024);
    const head = Buffer.alloc(span);
    const tail = Buffer.alloc(span);
    await fh.read(head, 0, span, 0);
    await fh.read(tail, 0, span, size - span);
    return createHash("sha256").update(String(size)).update("\0").update(head).update(tail).digest("hex");
  } finally {
    await fh.close();
  }
}

/** The rejection report: appended before each chunk commits, cut back to what committed chunks wrote. */
class Report {
  private constructor(
    private readonly fh: FileHandle,
    public committed: number,
  ) {}

  static async open(file: string, committed: number): Promise<Report> {
    const fh = await open(file, "a");
    const { size } = await fh.stat();
    // Lines a chunk appended before its transaction failed (a crash, Ctrl-C) are not committed: cut them.
    if (size > committed) await fh.truncate(committed);
    return new Report(fh, Math.min(size, committed));
  }

  /** Appends (durably) after the committed lines, replacing any uncommitted ones; returns the new size. */
  async append(rejections: readonly ImportRejection[]): Promise<number> {
    if (rejections.length === 0) return this.committed;
    await this.fh.truncate(this.committed);
    const text = rejections.map((r) => JSON.stringify({ line: r.line, reason: r.reason, ...(r.job === undefined ? {} : { job: r.job }) }) + "\n").join("");
    const bytes = Buffer.from(text);
    await this.fh.write(bytes);
    await this.fh.sync();
    return this.committed + bytes.length;
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}

interface ReadChunk extends ImportChunk {
  rejects: ImportRejection[];
}

/**
 * The file from `from` in chunks of `chunkSize` lines, each job validated and base-priced by
 * checkJobs (one job at a time, so a bad line never holds up its neighbours).
 */
export async function* readChunks(file: string, format: ImportFormat, from: FilePosition, size: number, chunkSize: number): AsyncGenerator<ReadChunk> {
  const source = format === "csv" ? csvRecords(file, from, size) : jsonlRecords(file, from, size);
  let jobs: ImportJob[] = [];
  let rejects: ImportRejection[] = [];
  let { offset, line } = from;
  let now = new Date();
  for await (const records of source) {
    for (const r of records) {
      offset = r.end;
      line = r.line;
      if (r.kind === "blank") continue;
      if (r.kind === "invalid") rejects.push({ line: r.line, reason: r.reason, job: r.raw });
      else {
        const { prepared, issues } = checkJobs([r.raw], now);
        if (prepared.length) jobs.push(importJob(prepared[0]!, r.line));
        else rejects.push({ line: r.line, reason: issues.map((i) => `${i.field}: ${i.reason}`).join("; "), job: r.raw });
      }
      if (jobs.length + rejects.length >= chunkSize) {
        yield { jobs, rejects, offset, lines: line, finished: false };
        jobs = [];
        rejects = [];
        now = new Date();
      }
    }
  }
  yield { jobs, rejects, offset: size, lines: line, finished: true };
}

export async function importFile(pool: pg.Pool, opts: ImportFileOptions): Promise<ImportSummary> {
  const started = performance.now();
  const { size } = await stat(opts.file);
  const format = opts.format ?? (opts.file.toLowerCase().endsWith(".csv") ? "csv" : "jsonl");
  if (format === "csv") await csvHeader(opts.file); // a header naming no job fields stops here, before anything is opened
  const fileKey = await fileKeyOf(opts.file, size);
  const client = await pool.connect();
  // A lost connection fails the statement in flight (the chunk rolls back; the next run resumes); it must not crash the process.
  const lost = () => undefined;
  client.on("error", lost);
  try {
    if (!(await lockImport(client, fileKey))) throw new Error(`another import of ${opts.file} is running`);
    try {
      const init = { fileKey, fileName: path.resolve(opts.file), format, sizeBytes: size, reportPath: path.resolve(opts.report ?? `${opts.file}.rejected.jsonl`) };
      const state = await openImport(client, init, opts.restart ?? false);
      const summary: ImportSummary = {
        file: opts.file,
        lines: state.lines,
        created: state.created,
        duplicates: state.duplicates,
        rejected: state.rejected,
        resumedFromLine: state.lines,
        resumedFromByte: state.offset,
        run: { created: 0, duplicates: 0, rejected: 0 },
        report: state.reportPath,
        elapsedMs: 0,
        alreadyImported: state.finishedAt !== null,
        interrupted: false,
      };
      if (summary.alreadyImported) return summary;

      const report = await Report.open(state.reportPath, state.reportBytes);
      const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
      const bar = opts.quiet
        ? null
        : new SingleBar(
            { format: "  import [{bar}] {percentage}% | {value}/{total} MB | {created} new, {duplicates} known, {rejected} rejected | {rate} jobs/s", hideCursor: true },
            Presets.shades_classic,
          );
      const fields = () => ({
        created: summary.created,
        duplicates: summary.duplicates,
        rejected: summary.rejected,
        rate: Math.round(((summary.run.created + summary.run.duplicates) / (performance.now() - started)) * 1000),
      });
      bar?.start(mb(size), mb(state.offset), fields());
      const chunks = readChunks(opts.file, format, { offset: state.offset, line: state.lines }, size, opts.chunkSize ?? DEFAULT_CHUNK_JOBS);
      let next = chunks.next();
      const session = new ImportSession();
      try {
        let from = state.offset;
        for (;;) {
          const { value: chunk, done } = await next;
          if (done) break;
          if (opts.signal?.aborted) {
            summary.interrupted = true;
            break;
          }
          // The next chunk is read and validated while this one is written (Node and PostgreSQL in parallel).
          if (!chunk.finished) next = chunks.next();
          const written = await writeImportChunk(client, session, fileKey, from, chunk, async (result) => {
            const rejections = [...chunk.rejects, ...result.conflicts].sort((a, b) => a.line - b.line);
            return { rejected: rejections.length, reportBytes: await report.append(rejections) };
          });
          report.committed = written.reportBytes;
          from = chunk.offset;
          summary.lines = chunk.lines;
          summary.created += written.created;
          summary.duplicates += written.duplicates;
          summary.rejected += written.rejected;
          summary.run.created += written.created;
          summary.run.duplicates += written.duplicates;
          summary.run.rejected += written.rejected;
          bar?.update(mb(chunk.offset), fields());
          if (chunk.finished) break;
        }
      } finally {
        bar?.stop();
        await report.close();
        // A chunk read ahead and not written: drop it (and any error reading it) and close the file.
        next.then(() => chunks.return(undefined)).catch(() => undefined);
      }
      summary.elapsedMs = performance.now() - started;
      return summary;
    } finally {
      await unlockImport(client, fileKey).catch(() => undefined); // (a lost connection has released it)
    }
  } finally {
    client.off("error", lost);
    client.release();
  }
}
