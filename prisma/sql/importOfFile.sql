-- A jobs file's import as committed so far (lib/server/ingest/import-state.ts, in the import's
-- transaction). offset is the bytes of the file whose jobs are committed (a re-run reads on from
-- there), lines the lines read up to it, reportBytes the bytes of the report committed chunks wrote.
-- @param {String} $1:fileKey
-- @nonnull sizeBytes, offset, lines, created, duplicates, rejected, reportBytes
SELECT file_key AS "fileKey", file_name AS "fileName", format, size_bytes::float8 AS "sizeBytes", offset_bytes::float8 AS offset,
  lines::float8 AS lines, created::float8 AS created, duplicates::float8 AS duplicates, rejected::float8 AS rejected,
  report_path AS "reportPath", report_bytes::float8 AS "reportBytes", started_at AS "startedAt", finished_at AS "finishedAt"
  FROM imports WHERE file_key = $1
