-- The latest $3 entries of a wallet's ($1) or a miner ID's ($2; the other null) alert feed
-- (lib/server/watches/feed.ts): one per fact however many watches raised it, its latest state. A
-- null parameter's test folds away when planned: the wallet's or the subject's index, as before.
-- @param {String}? $1:wallet
-- @param {String}? $2:subject
-- @param {Int} $3:limit
-- @nonnull fact
SELECT * FROM (
  SELECT DISTINCT ON (kind, subject, fact) kind, subject, fact, title, opened_at AS "openedAt", resolved_at AS "resolvedAt", detail
    FROM (SELECT a.*, coalesce(a.event_key, a.title || '@' || a.opened_at::text) AS fact FROM alerts a WHERE (a.wallet = $1 OR a.subject = $2)) a
   ORDER BY kind, subject, fact, coalesce(resolved_at, opened_at) DESC) f
 ORDER BY coalesce("resolvedAt", "openedAt") DESC, fact LIMIT $3
