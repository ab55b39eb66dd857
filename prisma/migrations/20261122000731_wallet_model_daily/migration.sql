-- CreateTable
CREATE TABLE "wallet_model_daily" (
    "wallet" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "model_id" TEXT NOT NULL,
    "point_type" "PointType" NOT NULL,
    "points_micro" BIGINT NOT NULL DEFAULT 0,
    "job_count" INTEGER NOT NULL DEFAULT 0,
    "success_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "wallet_model_daily_pkey" PRIMARY KEY ("wallet","day","model_id")
);

-- Counters change with every batch: leave room for in-place (HOT) updates.
ALTER TABLE "wallet_model_daily" SET (fillfactor = 80);
