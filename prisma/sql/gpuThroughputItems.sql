-- GPU models' throughput in one window (lib/server/queries/gpu-throughput.ts), best earners first.
-- kinds and models are the estimator's KindThroughput[] and ModelServed[] as the worker wrote them.
-- @param {String} $1:window
SELECT hardware, devices, days, device_days, online_hours, points, points_per_online_day, points_per_online_day_p25, points_per_online_day_p75,
       online_share, kinds, models
  FROM gpu_throughput_rows WHERE "window" = $1
 ORDER BY rank
