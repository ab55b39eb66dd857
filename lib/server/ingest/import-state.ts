import "server-only";
import type pg from "pg";
import { importOfFile } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

// The `imports` table (decision 0025): one row per jobs file, advanced in the same transaction as
// each chunk of it, so what it says is always exactly what is committed.

export type ImportFormat = "jsonl" | "csv";

/** The imports row (importOfFile.sql says what each figure counts); format is what openImport wrote. */
export type ImportState = Omit<importOfFile.Result, "format"> & { format: ImportFormat };

/** What one committed chunk adds. */
export interface ImportStep {
  offset: number;
  lines: number;
  created: number;
  duplicates: number;
  rejected: number;
  reportBytes: number;
  finished: boolean;
}

/** pg advisory-lock namespace of a running import ("IM"); the key is the file key's hash. */
const IMPORT_LOCK_CLASS = 0x494d;

/** Takes the file's import lock for this session; false when another import of the same file holds it. */
export async function lockImport(client: pg.ClientBase, fileKey: string): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [IMPORT_LOCK_CLASS, fileKey]);
  return rows[0]!.ok;
}

export async function unlockImport(client: pg.ClientBase, fileKey: string): Promise<void> {
  await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [IMPORT_LOCK_CLASS, fileKey]);
}

/**
 * The file's import as committed so far, created at offset 0 the first time; `restart` starts it
 * over (its jobs already written then count as duplicates).
 */
export async function openImport(
  client: pg.ClientBase,
  init: { fileKey: string; fileName: string; format: ImportFormat; sizeBytes: number; reportPath: string },
  restart: boolean,
): Promise<ImportState> {
  await client.query(
    `INSERT INTO imports (file_key, file_name, format, size_bytes, report_path) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (file_key) DO ${
       restart
         ? `UPDATE SET file_name = $2, format = $3, report_path = $5, offset_bytes = 0, lines = 0, created = 0,
       duplicates = 0, rejected = 0, report_bytes = 0, started_at = now(), updated_at = now(), finished_at = NULL`
         : "NOTHING"
     }`,
    [init.fileKey, init.fileName, init.format, init.sizeBytes, init.reportPath],
  );
  const [row] = await queryTyped(client, importOfFile(init.fileKey));
  return { ...row!, format: row!.format as ImportFormat };
}

/**
 * Moves the import from `from` to `step.offset`, inside the chunk's transaction. Throws when the
 * row is no longer at `from` (another run moved it on): the chunk then rolls back, never lands twice.
 */
export async function advanceImport(client: pg.ClientBase, fileKey: string, from: number, step: ImportStep): Promise<void> {
  const res = await client.query(
    `UPDATE imports SET offset_bytes = $3, lines = $4, created = created + $5, duplicates = duplicates + $6, rejected = rejected + $7,
            report_bytes = $8, updated_at = now(), finished_at = CASE WHEN $9 THEN now() END
      WHERE file_key = $1 AND offset_bytes = $2`,
    [fileKey, from, step.offset, step.lines, step.created, step.duplicates, step.rejected, step.reportBytes, step.finished],
  );
  if (res.rowCount !== 1) throw new Error(`the import of this file is no longer at byte ${from} (another run moved it on); run it again to resume`);
}
