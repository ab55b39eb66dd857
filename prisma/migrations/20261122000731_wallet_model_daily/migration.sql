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

-- Existing ledgers get their split from the entries already written.
INSERT INTO "wallet_model_daily" ("wallet", "day", "model_id", "point_type", "points_micro", "job_count", "success_count")
SELECT "wallet", ("occurred_at" AT TIME ZONE 'UTC')::date, "model_id", min("point_type"::text)::"PointType", sum("points_micro"), count(*),
       count(*) FILTER (WHERE "zero_reason" IS NULL OR "zero_reason" NOT IN ('status', 'timeout'))
  FROM "ledger_entries"
 WHERE "kind" = 'job' AND "model_id" IS NOT NULL
 GROUP BY 1, 2, 3;
