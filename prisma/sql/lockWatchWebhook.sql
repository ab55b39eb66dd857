-- A watch's webhook, its row locked for the test event (lib/server/watches/webhook-controls.ts): the
-- lock orders it with the evaluator's and deliverer's writes to the same watch. The id goes in as text.
-- @param {String} $1:watchId
-- @nonnull id
SELECT id::text, kind, target, webhook_url, webhook_format FROM watches WHERE id = $1::text::bigint FOR UPDATE
