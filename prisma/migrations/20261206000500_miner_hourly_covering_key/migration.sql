-- Written by hand (Prisma's schema cannot say INCLUDE): the primary key of miner_hourly carries the
-- figures a fleet table sums over a GPU's last 24 hours, so that read is an index-only scan of one
-- key range per GPU instead of ~18 heap pages per GPU (rows are written hour by hour across the
-- whole network, so a GPU's hours never share pages). 2,500-GPU wallet at 10 M ledger rows: 74 ms
-- -> 40 ms for the fleet rows (docs/BENCHMARKS.md). One index as before: the key is the same, so
-- ON CONFLICT (miner_id, hour) still finds it.
ALTER TABLE "miner_hourly" DROP CONSTRAINT "miner_hourly_pkey",
  ADD CONSTRAINT "miner_hourly_pkey" PRIMARY KEY ("miner_id", "hour") INCLUDE ("waifu_micro", "llama_micro", "job_count", "success_count");
