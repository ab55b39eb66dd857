-- CreateTable
CREATE TABLE "worker_heartbeat" (
    "worker_id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "beat_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "worker_heartbeat_pkey" PRIMARY KEY ("worker_id")
);

-- CreateTable
CREATE TABLE "worker_task_runs" (
    "task" TEXT NOT NULL,
    "last_started_at" TIMESTAMPTZ(3) NOT NULL,
    "last_finished_at" TIMESTAMPTZ(3) NOT NULL,
    "last_ms" INTEGER NOT NULL,
    "last_ok" BOOLEAN NOT NULL,
    "runs" BIGINT NOT NULL,

    CONSTRAINT "worker_task_runs_pkey" PRIMARY KEY ("task")
);

-- CreateIndex
CREATE INDEX "worker_heartbeat_beat_at_idx" ON "worker_heartbeat"("beat_at");
