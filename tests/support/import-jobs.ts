// Filling a test's own database the way an operator would (`cli import` of a JSONL file), then
// folding what it wrote into the rollups as the worker would.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { expect } from "vitest";
import type { JobInput } from "@/lib/schemas/jobs";
import { foldAll } from "@/lib/server/rollups/fold";
import { importFile } from "../../scripts/cli/import";

/** Imports `jobs` into `pool`'s database (every one created, none rejected) and, unless `fold` is false, folds them. */
export async function importJobs(pool: pg.Pool, jobs: JobInput[], { fold = true } = {}): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "heurist-import-"));
  try {
    const file = path.join(dir, "jobs.jsonl");
    writeFileSync(file, jobs.map((j) => JSON.stringify(j)).join("\n") + "\n");
    expect(await importFile(pool, { file, quiet: true })).toMatchObject({ created: jobs.length, rejected: 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (fold) await foldAll(pool);
}
