-- CreateTable
CREATE TABLE "heartbeat_coverage" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "since" TIMESTAMPTZ(0) NOT NULL,

    CONSTRAINT "heartbeat_coverage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "market_snapshot" (
    "miner_id" TEXT NOT NULL,
    "wallet" TEXT NOT NULL,
    "hardware" TEXT,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "bribe_bps" INTEGER,
    "pending_bribe_bps" INTEGER,
    "pending_epoch" INTEGER,
    "pending_at" TIMESTAMPTZ(3),
    "forward_bribe_bps" INTEGER,
    "last_change_bps" INTEGER,
    "last_change_set_at" TIMESTAMPTZ(3),
    "last_change_at" TIMESTAMPTZ(3),
    "cut_from_bps" INTEGER,
    "cut_to_bps" INTEGER,
    "cut_at" TIMESTAMPTZ(3),
    "cut_pending" BOOLEAN,
    "stake_wei" DECIMAL(78,0) NOT NULL,
    "stake_heu_wei" DECIMAL(78,0) NOT NULL,
    "stake_esheu_wei" DECIMAL(78,0) NOT NULL,
    "stake_heu" DOUBLE PRECISION NOT NULL,
    "online_24h" INTEGER NOT NULL,
    "online_7d" INTEGER NOT NULL,
    "online_30d" INTEGER NOT NULL,
    "jobs_24h" INTEGER NOT NULL,
    "jobs_7d" INTEGER NOT NULL,
    "jobs_30d" INTEGER NOT NULL,
    "on_time_24h" INTEGER NOT NULL,
    "on_time_7d" INTEGER NOT NULL,
    "on_time_30d" INTEGER NOT NULL,
    "on_time_rate_7d" DOUBLE PRECISION,
    "waifu_micro_7d" BIGINT NOT NULL,
    "llama_micro_7d" BIGINT NOT NULL,
    "latency_ms" INTEGER,
    "rank_yield_desc" INTEGER NOT NULL,
    "rank_yield_asc" INTEGER NOT NULL,
    "rank_bribe_desc" INTEGER NOT NULL,
    "rank_bribe_asc" INTEGER NOT NULL,
    "rank_uptime24h_desc" INTEGER NOT NULL,
    "rank_uptime24h_asc" INTEGER NOT NULL,
    "rank_uptime7d_desc" INTEGER NOT NULL,
    "rank_uptime7d_asc" INTEGER NOT NULL,
    "rank_uptime30d_desc" INTEGER NOT NULL,
    "rank_uptime30d_asc" INTEGER NOT NULL,
    "rank_on_time7d_desc" INTEGER NOT NULL,
    "rank_on_time7d_asc" INTEGER NOT NULL,
    "rank_stake_desc" INTEGER NOT NULL,
    "rank_stake_asc" INTEGER NOT NULL,
    "rank_points_desc" INTEGER NOT NULL,
    "rank_points_asc" INTEGER NOT NULL,
    "rank_latency_desc" INTEGER NOT NULL,
    "rank_latency_asc" INTEGER NOT NULL,
    "rank_age_desc" INTEGER NOT NULL,
    "rank_age_asc" INTEGER NOT NULL,

    CONSTRAINT "market_snapshot_pkey" PRIMARY KEY ("miner_id")
);

-- CreateTable
CREATE TABLE "market_snapshot_meta" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "built_at" TIMESTAMPTZ(3) NOT NULL,
    "window_end" TIMESTAMPTZ(0) NOT NULL,
    "buckets_24h" INTEGER NOT NULL,
    "buckets_7d" INTEGER NOT NULL,
    "buckets_30d" INTEGER NOT NULL,
    "heartbeat_buckets_24h" INTEGER NOT NULL,
    "heartbeat_buckets_7d" INTEGER NOT NULL,
    "heartbeat_buckets_30d" INTEGER NOT NULL,
    "schedule_id" TEXT NOT NULL,
    "rate_waifu" DOUBLE PRECISION,
    "rate_llama" DOUBLE PRECISION,
    "rate_source" TEXT,
    "rate_epoch" INTEGER,
    "rate_as_of" TIMESTAMPTZ(3),
    "nodes" INTEGER NOT NULL,
    "gpus" TEXT[],
    "build_ms" INTEGER NOT NULL,

    CONSTRAINT "market_snapshot_meta_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "market_snapshot_rank_yield_desc_idx" ON "market_snapshot"("rank_yield_desc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_yield_asc_idx" ON "market_snapshot"("rank_yield_asc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_bribe_desc_idx" ON "market_snapshot"("rank_bribe_desc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_bribe_asc_idx" ON "market_snapshot"("rank_bribe_asc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_uptime24h_desc_idx" ON "market_snapshot"("rank_uptime24h_desc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_uptime24h_asc_idx" ON "market_snapshot"("rank_uptime24h_asc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_uptime7d_desc_idx" ON "market_snapshot"("rank_uptime7d_desc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_uptime7d_asc_idx" ON "market_snapshot"("rank_uptime7d_asc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_uptime30d_desc_idx" ON "market_snapshot"("rank_uptime30d_desc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_uptime30d_asc_idx" ON "market_snapshot"("rank_uptime30d_asc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_on_time7d_desc_idx" ON "market_snapshot"("rank_on_time7d_desc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_on_time7d_asc_idx" ON "market_snapshot"("rank_on_time7d_asc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_stake_desc_idx" ON "market_snapshot"("rank_stake_desc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_stake_asc_idx" ON "market_snapshot"("rank_stake_asc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_points_desc_idx" ON "market_snapshot"("rank_points_desc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_points_asc_idx" ON "market_snapshot"("rank_points_asc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_latency_desc_idx" ON "market_snapshot"("rank_latency_desc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_latency_asc_idx" ON "market_snapshot"("rank_latency_asc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_age_desc_idx" ON "market_snapshot"("rank_age_desc");

-- CreateIndex
CREATE INDEX "market_snapshot_rank_age_asc_idx" ON "market_snapshot"("rank_age_asc");

-- Heartbeats already stored: coverage starts at the first bucket any node was seen in.
INSERT INTO "heartbeat_coverage" ("id", "since")
SELECT 1, (f.day::timestamp AT TIME ZONE 'UTC') + (position('1' IN bit_or(h.buckets)::text) - 1) * interval '5 minutes'
  FROM (SELECT min(day) AS day FROM "node_heartbeats") f
  JOIN "node_heartbeats" h ON h.day = f.day
 GROUP BY f.day;
