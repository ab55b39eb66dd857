-- CreateTable
CREATE TABLE "node_heartbeats" (
    "miner_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "buckets" bit(288) NOT NULL,

    CONSTRAINT "node_heartbeats_pkey" PRIMARY KEY ("miner_id","day")
);

-- CreateIndex
CREATE INDEX "node_heartbeats_day_idx" ON "node_heartbeats"("day");
