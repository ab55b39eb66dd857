-- CreateTable
CREATE TABLE "watches" (
    "id" BIGSERIAL NOT NULL,
    "owner" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "threshold" INTEGER,
    "webhook_url" TEXT,
    "webhook_format" TEXT NOT NULL DEFAULT 'json',
    "webhook_secret" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "disabled_at" TIMESTAMPTZ(3),
    "disabled_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" BIGSERIAL NOT NULL,
    "watch_id" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "wallet" TEXT NOT NULL,
    "event_key" TEXT,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "title" TEXT NOT NULL,
    "detail" JSONB NOT NULL,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "watch_id" BIGINT NOT NULL,
    "event" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "gave_up_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_attempts" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" BIGINT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "status" INTEGER,
    "error" TEXT,
    "duration_ms" INTEGER NOT NULL,

    CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "watches_owner_idx" ON "watches"("owner");

-- CreateIndex
CREATE INDEX "watches_kind_idx" ON "watches"("kind");

-- CreateIndex
CREATE INDEX "alerts_wallet_opened_at_idx" ON "alerts"("wallet", "opened_at");

-- CreateIndex
CREATE INDEX "alerts_subject_opened_at_idx" ON "alerts"("subject", "opened_at");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_watch_id_event_key_key" ON "alerts"("watch_id", "event_key");

-- CreateIndex
CREATE INDEX "webhook_deliveries_next_attempt_at_idx" ON "webhook_deliveries"("next_attempt_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_watch_id_created_at_idx" ON "webhook_deliveries"("watch_id", "created_at");

-- CreateIndex
CREATE INDEX "webhook_attempts_delivery_id_idx" ON "webhook_attempts"("delivery_id");

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_watch_id_fkey" FOREIGN KEY ("watch_id") REFERENCES "watches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_watch_id_fkey" FOREIGN KEY ("watch_id") REFERENCES "watches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (decision 0035): the rules the code relies on, in the table.
ALTER TABLE "watches" ADD CONSTRAINT "watches_kind_check" CHECK ("kind" IN ('gpu_idle', 'gpu_availability', 'node_bribe', 'node_stake', 'miner_slash', 'epoch'));
ALTER TABLE "watches" ADD CONSTRAINT "watches_webhook_format_check" CHECK ("webhook_format" IN ('json', 'discord'));
ALTER TABLE "watches" ADD CONSTRAINT "watches_webhook_secret_check" CHECK (("webhook_url" IS NULL) = ("webhook_secret" IS NULL));
-- At most one open episode of a condition per watch and subject: raising twice is a no-op.
CREATE UNIQUE INDEX "alerts_open_episode_key" ON "alerts"("watch_id", "subject") WHERE "resolved_at" IS NULL AND "event_key" IS NULL;
-- The deliverer reads only what is due.
DROP INDEX "webhook_deliveries_next_attempt_at_idx";
CREATE INDEX "webhook_deliveries_next_attempt_at_idx" ON "webhook_deliveries"("next_attempt_at") WHERE "next_attempt_at" IS NOT NULL;
