-- Dedupe lives on jobs (its primary key): a job's ledger entry is written only in the transaction that
-- inserted the job. The unique index on ledger_entries.job_id repeated it at 71 bytes per job (15 %
-- of jobs + ledger on disk, bench:ingest); lookups by job go through (miner_id, occurred_at).
-- DropIndex
DROP INDEX "ledger_entries_job_id_key";