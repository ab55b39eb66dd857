-- GPU throughput's header for one window (lib/server/queries/gpu-throughput.ts): the span it
-- covers and when the worker computed it. No row before the worker's first pass.
-- @param {String} $1:window
SELECT window_from, window_to, availability_source, as_of FROM gpu_throughput_windows WHERE "window" = $1
