-- The watch evaluator resolves each open episode whose watch and subject are not firing now (its
-- condition cleared, or the GPU left the wallet); returns the alerts it resolved.
-- @param {String} $1:watchIds
-- @param {String} $2:subjects
-- @param {DateTime} $3:now
-- @nonnull id, watchId
UPDATE alerts a SET resolved_at = $3
 WHERE a.resolved_at IS NULL AND a.event_key IS NULL
   AND NOT EXISTS (SELECT 1 FROM unnest($1::text[]::bigint[], $2::text[]) AS f(w, s) WHERE f.w = a.watch_id AND f.s = a.subject)
RETURNING id::text, watch_id::text AS "watchId", kind, subject, wallet, title, opened_at AS "openedAt", resolved_at AS "resolvedAt", detail
