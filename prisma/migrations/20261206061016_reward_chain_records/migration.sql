-- CreateTable
CREATE TABLE "reward_publications" (
    "epoch" INTEGER NOT NULL,
    "root" TEXT NOT NULL,
    "total_wei" DECIMAL(78,0) NOT NULL,
    "vest_start" TIMESTAMPTZ(3) NOT NULL,
    "tx_hash" TEXT NOT NULL,
    "block_number" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reward_publications_pkey" PRIMARY KEY ("epoch")
);

-- CreateTable
CREATE TABLE "reward_claims" (
    "epoch" INTEGER NOT NULL,
    "account" TEXT NOT NULL,
    "amount_wei" DECIMAL(78,0) NOT NULL,
    "miner_id" TEXT,
    "tx_hash" TEXT NOT NULL,
    "block_number" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reward_claims_pkey" PRIMARY KEY ("epoch","account")
);

-- CreateIndex
CREATE INDEX "reward_claims_account_epoch_idx" ON "reward_claims"("account", "epoch");
