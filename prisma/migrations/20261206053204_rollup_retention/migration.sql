-- CreateTable
CREATE TABLE "rollup_retention" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "hourly_from" TIMESTAMPTZ(0),
    "compacted_at" TIMESTAMPTZ(3),

    CONSTRAINT "rollup_retention_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "miner_hourly_hour_idx" ON "miner_hourly" USING BRIN ("hour");

-- By hand (decision 0029): one row, and it starts with every rollup row hourly.
ALTER TABLE "rollup_retention" ADD CONSTRAINT "rollup_retention_one_row" CHECK ("id" = 1);
INSERT INTO "rollup_retention" ("id") VALUES (1);
