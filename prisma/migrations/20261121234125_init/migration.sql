-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('completed', 'timeout', 'failed');

-- CreateEnum
CREATE TYPE "PointType" AS ENUM ('waifu', 'llama');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('job', 'slash', 'reversal', 'adjustment');

-- CreateTable
CREATE TABLE "wallets" (
    "address" TEXT NOT NULL,
    "nft_count" INTEGER NOT NULL DEFAULT 0,
    "nft_block" BIGINT,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "wallets_pkey" PRIMARY KEY ("address")
);

-- CreateTable
CREATE TABLE "nodes" (
    "miner_id" TEXT NOT NULL,
    "wallet" TEXT NOT NULL,
    "device_tag" TEXT,
    "hardware" TEXT,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "stake_wei" DECIMAL(78,0) NOT NULL DEFAULT 0,
    "total_waifu_micro" BIGINT NOT NULL DEFAULT 0,
    "total_llama_micro" BIGINT NOT NULL DEFAULT 0,
    "image_count" BIGINT NOT NULL DEFAULT 0,
    "text_count" BIGINT NOT NULL DEFAULT 0,
    "failed_count" BIGINT NOT NULL DEFAULT 0,
    "latency_ewma_ms" INTEGER,

    CONSTRAINT "nodes_pkey" PRIMARY KEY ("miner_id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "job_id" TEXT NOT NULL,
    "miner_id" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL,
    "completed_at" TIMESTAMPTZ(3) NOT NULL,
    "hardware" TEXT,
    "inference_latency" DECIMAL(12,3) NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "num_iterations" INTEGER,
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "input_ref" TEXT,
    "output_ref" TEXT,
    "content_hash" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("job_id")
);

-- CreateTable
CREATE TABLE "ledger_entries" (
    "id" BIGSERIAL NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "job_id" TEXT,
    "miner_id" TEXT NOT NULL,
    "wallet" TEXT NOT NULL,
    "point_type" "PointType" NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "schedule_id" TEXT NOT NULL,
    "model_id" TEXT,
    "base_micro" BIGINT NOT NULL,
    "model_multiplier_ppm" INTEGER NOT NULL,
    "nft_multiplier_ppm" INTEGER NOT NULL,
    "stake_multiplier_ppm" INTEGER NOT NULL,
    "nft_count" INTEGER NOT NULL DEFAULT 0,
    "stake_heu" DECIMAL(38,18) NOT NULL DEFAULT 0,
    "points_micro" BIGINT NOT NULL,
    "zero_reason" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "miner_hourly" (
    "miner_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "waifu_micro" BIGINT NOT NULL DEFAULT 0,
    "llama_micro" BIGINT NOT NULL DEFAULT 0,
    "image_count" INTEGER NOT NULL DEFAULT 0,
    "text_count" INTEGER NOT NULL DEFAULT 0,
    "job_count" INTEGER NOT NULL DEFAULT 0,
    "success_count" INTEGER NOT NULL DEFAULT 0,
    "latency_ms_sum" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "miner_hourly_pkey" PRIMARY KEY ("miner_id","hour")
);

-- CreateTable
CREATE TABLE "wallet_hourly" (
    "wallet" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "waifu_micro" BIGINT NOT NULL DEFAULT 0,
    "llama_micro" BIGINT NOT NULL DEFAULT 0,
    "image_count" INTEGER NOT NULL DEFAULT 0,
    "text_count" INTEGER NOT NULL DEFAULT 0,
    "job_count" INTEGER NOT NULL DEFAULT 0,
    "success_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "wallet_hourly_pkey" PRIMARY KEY ("wallet","hour")
);

-- CreateTable
CREATE TABLE "hardware_hourly" (
    "hardware" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "waifu_micro" BIGINT NOT NULL DEFAULT 0,
    "llama_micro" BIGINT NOT NULL DEFAULT 0,
    "job_count" INTEGER NOT NULL DEFAULT 0,
    "success_count" INTEGER NOT NULL DEFAULT 0,
    "latency_ms_sum" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "hardware_hourly_pkey" PRIMARY KEY ("hardware","model_id","hour")
);

-- CreateTable
CREATE TABLE "leaderboard_rows" (
    "window" TEXT NOT NULL,
    "point_type" "PointType" NOT NULL,
    "rank" INTEGER NOT NULL,
    "wallet" TEXT NOT NULL,
    "points_micro" BIGINT NOT NULL,
    "gpu_count" INTEGER NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "leaderboard_rows_pkey" PRIMARY KEY ("window","point_type","rank")
);

-- CreateIndex
CREATE INDEX "nodes_wallet_first_seen_at_idx" ON "nodes"("wallet", "first_seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_job_id_key" ON "ledger_entries"("job_id");

-- CreateIndex
CREATE INDEX "ledger_entries_miner_id_occurred_at_idx" ON "ledger_entries"("miner_id", "occurred_at");

-- CreateIndex
CREATE INDEX "wallet_hourly_hour_idx" ON "wallet_hourly"("hour");

-- CreateIndex
CREATE INDEX "hardware_hourly_hour_idx" ON "hardware_hourly"("hour");

-- AddForeignKey
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_wallet_fkey" FOREIGN KEY ("wallet") REFERENCES "wallets"("address") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The ledger is append-only: corrections are new entries (slash, reversal, adjustment), never edits.
CREATE FUNCTION "ledger_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER "ledger_entries_no_update_delete"
  BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entries_append_only"();

-- Room on each page for updated row versions: the totals and rollup counters change with every
-- batch, and with free space and no indexed column changing, Postgres updates them in place (HOT).
ALTER TABLE "nodes" SET (fillfactor = 70);
ALTER TABLE "miner_hourly" SET (fillfactor = 80);
ALTER TABLE "wallet_hourly" SET (fillfactor = 80);
ALTER TABLE "hardware_hourly" SET (fillfactor = 80);
