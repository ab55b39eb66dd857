-- The reversal of slash $1, if one was written (lib/server/admin/reverse.ts refuses a second).
-- @param {BigInt} $1:slashId
-- @nonnull id
SELECT id::text, created_at FROM admin_actions WHERE reverses = $1
