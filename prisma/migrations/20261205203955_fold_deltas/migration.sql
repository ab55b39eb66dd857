-- AlterTable
ALTER TABLE "nodes" DROP COLUMN "latency_ewma_ms",
ADD COLUMN     "latency_count" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "latency_ms_sum" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ingest_deltas" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_job" BOOLEAN NOT NULL,
    "miner_ids" TEXT[],
    "wallets" TEXT[],
    "model_ids" TEXT[],
    "hardware" TEXT[],
    "occurred_at" TIMESTAMPTZ(3)[],
    "point_types" "PointType"[],
    "points_micro" BIGINT[],
    "successes" BOOLEAN[],
    "images" BOOLEAN[],
    "latency_ms" INTEGER[],
    "buckets" INTEGER[],
    "late" BOOLEAN[],

    CONSTRAINT "ingest_deltas_pkey" PRIMARY KEY ("id")
);

-- The node's latency as sum and count (decision 0024), from the hourly rollups, which hold the
-- same successful jobs' latencies: exact for every node ingested so far.
UPDATE "nodes" n SET "latency_ms_sum" = h.lat, "latency_count" = h.cnt
  FROM (SELECT miner_id, sum(latency_ms_sum) AS lat, sum(success_count) AS cnt FROM miner_hourly GROUP BY miner_id) h
 WHERE n.miner_id = h.miner_id;
