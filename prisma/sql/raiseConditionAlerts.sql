-- The watch evaluator opens an episode per firing condition (lib/server/watches/evaluate.ts): one
-- row per watch, kind, subject, wallet, title and detail (parallel arrays), skipped where that
-- watch and subject already have an open one; returns the alerts it opened.
-- @param {String} $1:watchIds
-- @param {String} $2:kinds
-- @param {String} $3:subjects
-- @param {String} $4:wallets
-- @param {String} $5:titles
-- @param {DateTime} $6:now
-- @param {String} $7:details JSON texts
-- @nonnull id, watchId
INSERT INTO alerts (watch_id, kind, subject, wallet, opened_at, title, detail)
SELECT w::bigint, k, s, wa, $6, t, d::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $7::text[]) AS f(w, k, s, wa, t, d)
ON CONFLICT (watch_id, subject) WHERE resolved_at IS NULL AND event_key IS NULL DO NOTHING
RETURNING id::text, watch_id::text AS "watchId", kind, subject, wallet, title, opened_at AS "openedAt", resolved_at AS "resolvedAt", detail
