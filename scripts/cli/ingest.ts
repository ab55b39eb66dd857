// `npm run cli -- ingest <file.jsonl>`: bulk import of historical jobs (one JSON job per line)
// through the portal's own ingestion API, so they are validated and priced exactly like the job
// router's. Resumable: the byte offset of the last acknowledged batch is kept in
// `<file>.progress.json`; re-running continues there (and resending is harmless: ingestion is
// idempotent per job id). Rejected lines go to a report file with their reasons.
import { existsSync, readFileSync, statSync, writeFileSync, appendFileSync, rmSync } from "node:fs";
import { Presets, SingleBar } from "cli-progress";
import { MAX_JOBS_PER_BATCH, jobSchema, type JobInput } from "../../lib/schemas/jobs";
import { IngestRejectedError, postBatch } from "../simulator/post-batches";
import { jsonlRecords } from "./file-records";

export interface IngestFileOptions {
  file: string;
  url: string;
  secret: string;
  report?: string;
  batchSize?: number;
  /** Start over instead of resuming. */
  restart?: boolean;
  quiet?: boolean;
}

export interface IngestFileSummary {
  lines: number;
  created: number;
  duplicates: number;
  rejected: number;
  resumedFrom: number;
  report: string;
  elapsedMs: number;
}

interface Progress {
  size: number;
  offset: number;
  line: number;
  created: number;
  duplicates: number;
  rejected: number;
}

interface Pending {
  job: JobInput;
  line: number;
  end: number;
}

export async function ingestFile(opts: IngestFileOptions): Promise<IngestFileSummary> {
  const started = performance.now();
  const progressFile = `${opts.file}.progress.json`;
  const report = opts.report ?? `${opts.file}.rejected.jsonl`;
  const size = statSync(opts.file).size;
  let progress: Progress = { size, offset: 0, line: 0, created: 0, duplicates: 0, rejected: 0 };
  if (!opts.restart && existsSync(progressFile)) {
    const saved = JSON.parse(readFileSync(progressFile, "utf8")) as Progress;
    if (saved.size <= size) progress = { ...saved, size };
  }
  if (progress.offset === 0) writeFileSync(report, "");
  const resumedFrom = progress.line;
  // Rejections are written together with the progress they belong to, so a resumed run never
  // reports a line twice.
  let rejections: string[] = [];
  const reject = (line: number, reason: string, raw?: unknown) => {
    rejections.push(JSON.stringify({ line, reason, ...(raw === undefined ? {} : { job: raw }) }) + "\n");
  };
  const bar = opts.quiet
    ? null
    : new SingleBar(
        { format: "  ingest [{bar}] {percentage}% | {value}/{total} MB | {created} new, {duplicates} known, {rejected} rejected", hideCursor: true },
        Presets.shades_classic,
      );
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  bar?.start(mb(size), mb(progress.offset), { created: progress.created, duplicates: progress.duplicates, rejected: progress.rejected });

  const save = (end: number, line: number) => {
    if (rejections.length) appendFileSync(report, rejections.join(""));
    progress.rejected += rejections.length;
    rejections = [];
    progress.offset = end;
    progress.line = line;
    writeFileSync(progressFile, JSON.stringify(progress));
    bar?.update(mb(end), { created: progress.created, duplicates: progress.duplicates, rejected: progress.rejected });
  };

  const send = async (batch: Pending[]) => {
    let rest = batch;
    while (rest.length > 0) {
      try {
        const { result } = await postBatch(
          opts.url,
          opts.secret,
          rest.map((p) => p.job),
        );
        progress.created += result.accepted;
        progress.duplicates += result.duplicates;
        break;
      } catch (err) {
        if (!(err instanceof IngestRejectedError)) throw err;
        // The API writes nothing for a refused batch and names the culprits: set them aside, resend the rest.
        const body = err.body as { error?: { message?: string; details?: unknown } };
        const details = body?.error?.details;
        const bad = new Map<number, string>();
        if (Array.isArray(details))
          for (const d of details as { index?: number; field?: string; reason?: string }[]) if (typeof d.index === "number") bad.set(d.index, `${d.field}: ${d.reason}`);
        if (details && typeof details === "object" && Array.isArray((details as { job_ids?: unknown }).job_ids)) {
          const ids = new Set((details as { job_ids: string[] }).job_ids);
          rest.forEach((p, i) => ids.has(p.job.job_id) && bad.set(i, "job_id was already ingested with different content"));
        }
        if (bad.size === 0) throw err;
        for (const [i, reason] of bad) reject(rest[i]!.line, reason, rest[i]!.job);
        rest = rest.filter((_, i) => !bad.has(i));
      }
    }
    const last = batch.at(-1)!;
    save(last.end, last.line);
  };

  let batch: Pending[] = [];
  let offset = progress.offset;
  let line = progress.line;
  for await (const records of jsonlRecords(opts.file, { offset: progress.offset, line: progress.line })) {
    for (const r of records) {
      offset = r.end;
      line = r.line;
      if (r.kind === "blank") continue;
      if (r.kind === "invalid") {
        reject(r.line, r.reason);
        continue;
      }
      const parsed = jobSchema.safeParse(r.raw);
      if (!parsed.success) {
        reject(r.line, parsed.error.issues.map((i) => `${i.path.join(".") || "(job)"}: ${i.message}`).join("; "), r.raw);
        continue;
      }
      batch.push({ job: r.raw as JobInput, line: r.line, end: r.end });
      if (batch.length >= (opts.batchSize ?? MAX_JOBS_PER_BATCH)) {
        await send(batch);
        batch = [];
      }
    }
  }
  if (batch.length) await send(batch);
  save(offset, line);
  bar?.stop();
  rmSync(progressFile, { force: true });
  return { lines: line, created: progress.created, duplicates: progress.duplicates, rejected: progress.rejected, resumedFrom, report, elapsedMs: performance.now() - started };
}
