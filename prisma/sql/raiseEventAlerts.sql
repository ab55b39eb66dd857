-- The watch evaluator records each watched event once per watch (its event_key), opened and
-- resolved at the event's time; returns the alerts it recorded.
-- @param {String} $1:watchIds
-- @param {String} $2:kinds
-- @param {String} $3:subjects
-- @param {String} $4:wallets
-- @param {String} $5:eventKeys
-- @param {DateTime} $6:ats
-- @param {String} $7:titles
-- @param {String} $8:details JSON texts
-- @nonnull id, watchId
INSERT INTO alerts (watch_id, kind, subject, wallet, event_key, opened_at, resolved_at, title, detail)
SELECT w::bigint, k, s, wa, e, at, at, t, d::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[]) AS f(w, k, s, wa, e, at, t, d)
ON CONFLICT (watch_id, event_key) DO NOTHING
RETURNING id::text, watch_id::text AS "watchId", kind, subject, wallet, title, opened_at AS "openedAt", resolved_at AS "resolvedAt", detail
