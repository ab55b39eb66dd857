-- Some nodes' rows of the market snapshot (lib/server/market/query.ts: the compare view, a bribe's
-- yield preview). Its select list is also the page statements' (built there with the filters), so
-- their rows are this Result too.
-- @param {String} $1:minerIds
-- @nonnull stake_wei, stake_heu_wei, stake_esheu_wei, waifu_micro_7d, llama_micro_7d
SELECT s.miner_id, s.wallet, s.hardware, s.first_seen_at, s.last_seen_at, s.bribe_bps, s.pending_bribe_bps, s.pending_epoch, s.pending_at,
  s.forward_bribe_bps, s.last_change_bps, s.last_change_set_at, s.last_change_at, s.cut_from_bps, s.cut_to_bps, s.cut_at, s.cut_pending,
  s.stake_wei::text, s.stake_heu_wei::text, s.stake_esheu_wei::text, s.split_stake_heu, s.online_24h, s.online_7d, s.online_30d, s.jobs_24h, s.jobs_7d, s.jobs_30d,
  s.on_time_24h, s.on_time_7d, s.on_time_30d, s.waifu_micro_7d::text, s.llama_micro_7d::text, s.latency_ms
  FROM market_snapshot s WHERE s.miner_id = ANY($1::text[])
