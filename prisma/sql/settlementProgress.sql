-- How far settlement is (lib/server/epochs/close-epoch.ts, settle.ts): the last epoch settled, the
-- last closed for settlement and the first with a bucket of points (index order: no ledger scan).
SELECT (SELECT max(number) FROM epochs) AS last, (SELECT max(number) FROM epoch_closes) AS closed,
       (SELECT min(epoch) FROM epoch_miner_points) AS first
