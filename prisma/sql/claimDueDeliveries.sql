-- The webhook deliverer's next batch (lib/server/watches/deliver.ts): due deliveries of watches that
-- still have a webhook (a disabled one's test delivery too), leased until $2 so another worker skips
-- them, oldest due first. Each comes back with its watch's URL and secret.
-- @param {DateTime} $1:now
-- @param {DateTime} $2:lease
-- @param {Int} $3:batch
-- @nonnull id, watch_id, event, body, attempts, created_at, url, secret
WITH due AS (
  SELECT d.id FROM webhook_deliveries d JOIN watches w ON w.id = d.watch_id
   WHERE d.next_attempt_at <= $1 AND w.webhook_url IS NOT NULL AND (w.disabled_at IS NULL OR d.event = 'test')
   ORDER BY d.next_attempt_at, d.id LIMIT $3
   FOR UPDATE OF d SKIP LOCKED)
UPDATE webhook_deliveries d SET next_attempt_at = $2 FROM due, watches w
 WHERE d.id = due.id AND w.id = d.watch_id
RETURNING d.id::text, d.watch_id::text, d.event, d.body, d.attempts, d.created_at, w.webhook_url AS url, w.webhook_secret AS secret
