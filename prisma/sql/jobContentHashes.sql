-- The stored content hash of each of some job IDs (lib/server/ingest/import-chunk.ts: a re-imported
-- line is a duplicate when its content matches, a rejection otherwise).
-- @param {String} $1:jobIds
SELECT job_id, content_hash FROM jobs WHERE job_id = ANY($1::text[])
