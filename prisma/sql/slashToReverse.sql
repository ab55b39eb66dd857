-- The admin action an admin asks to reverse (lib/server/admin/reverse.ts): what it was, on whom,
-- over which window, and the micro-points it moved.
-- @param {BigInt} $1:id
-- @nonnull waifu_micro, llama_micro
SELECT action, target_kind, target, window_from, window_to, waifu_micro::text, llama_micro::text FROM admin_actions WHERE id = $1
