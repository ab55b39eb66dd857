-- CreateTable
CREATE TABLE "heurist_stats_snapshot" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "built_at" TIMESTAMPTZ(3) NOT NULL,
    "last24h_image_count" BIGINT NOT NULL,
    "last24h_text_count" BIGINT NOT NULL,
    "miner_count" INTEGER NOT NULL,
    "active_miner_count" INTEGER NOT NULL,
    "build_ms" INTEGER NOT NULL,
    "details" TEXT NOT NULL,

    CONSTRAINT "heurist_stats_snapshot_pkey" PRIMARY KEY ("id")
);
