-- The webhooks of watches $1 (ids as text), for the evaluator's deliveries
-- (lib/server/watches/evaluate.ts); watches without one are left out.
-- @param {String} $1:ids
-- @nonnull id
SELECT id::text, kind, target, webhook_url, webhook_format, disabled_at FROM watches WHERE id = ANY($1::text[]::bigint[]) AND webhook_url IS NOT NULL
