-- AlterTable
ALTER TABLE "leaderboard_rows" DROP COLUMN "gpu_count";

-- CreateTable
CREATE TABLE "gpu_throughput_windows" (
    "window" TEXT NOT NULL,
    "window_from" TIMESTAMPTZ(0) NOT NULL,
    "window_to" TIMESTAMPTZ(0) NOT NULL,
    "availability_source" TEXT NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "build_ms" INTEGER NOT NULL,

    CONSTRAINT "gpu_throughput_windows_pkey" PRIMARY KEY ("window")
);

-- CreateTable
CREATE TABLE "gpu_throughput_rows" (
    "window" TEXT NOT NULL,
    "hardware" TEXT NOT NULL,
    "devices" INTEGER NOT NULL,
    "days" INTEGER NOT NULL,
    "device_days" INTEGER NOT NULL,
    "online_hours" DOUBLE PRECISION NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "points_per_online_day" DOUBLE PRECISION NOT NULL,
    "points_per_online_day_p25" DOUBLE PRECISION,
    "points_per_online_day_p75" DOUBLE PRECISION,
    "online_share" DOUBLE PRECISION NOT NULL,
    "kinds" JSONB NOT NULL,
    "models" JSONB NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "gpu_throughput_rows_pkey" PRIMARY KEY ("window","hardware")
);

-- CreateTable
CREATE TABLE "flags_scans" (
    "hours" INTEGER NOT NULL,
    "window_from" TIMESTAMPTZ(3) NOT NULL,
    "window_to" TIMESTAMPTZ(3) NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "result" JSONB NOT NULL,
    "build_ms" INTEGER NOT NULL,

    CONSTRAINT "flags_scans_pkey" PRIMARY KEY ("hours")
);
