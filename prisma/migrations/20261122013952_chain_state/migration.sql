-- AlterTable
ALTER TABLE "wallets" DROP COLUMN "nft_block",
DROP COLUMN "nft_count";

-- AlterTable
ALTER TABLE "nodes" DROP COLUMN "stake_wei";

-- CreateTable
CREATE TABLE "chain_cursor" (
    "id" TEXT NOT NULL,
    "chain_id" INTEGER NOT NULL,
    "contracts" TEXT NOT NULL,
    "block_number" BIGINT NOT NULL,
    "block_hash" TEXT NOT NULL,
    "block_time" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "chain_cursor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chain_events" (
    "block_number" BIGINT NOT NULL,
    "log_index" INTEGER NOT NULL,
    "block_hash" TEXT NOT NULL,
    "tx_hash" TEXT NOT NULL,
    "block_time" TIMESTAMPTZ(3) NOT NULL,
    "contract" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "args" JSONB NOT NULL,

    CONSTRAINT "chain_events_pkey" PRIMARY KEY ("block_number","log_index")
);

-- CreateTable
CREATE TABLE "stake_changes" (
    "id" BIGSERIAL NOT NULL,
    "block_number" BIGINT NOT NULL,
    "log_index" INTEGER NOT NULL,
    "miner_id" TEXT NOT NULL,
    "staker" TEXT NOT NULL,
    "token" INTEGER NOT NULL,
    "delta_wei" DECIMAL(78,0) NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stake_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "node_stake_history" (
    "miner_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "block_number" BIGINT NOT NULL,
    "log_index" INTEGER NOT NULL,
    "stake_wei" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "node_stake_history_pkey" PRIMARY KEY ("miner_id","at","block_number","log_index")
);

-- CreateTable
CREATE TABLE "node_stakes" (
    "miner_id" TEXT NOT NULL,
    "stake_wei" DECIMAL(78,0) NOT NULL,
    "block_number" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "node_stakes_pkey" PRIMARY KEY ("miner_id")
);

-- CreateTable
CREATE TABLE "stake_positions" (
    "miner_id" TEXT NOT NULL,
    "staker" TEXT NOT NULL,
    "token" INTEGER NOT NULL,
    "amount_wei" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "stake_positions_pkey" PRIMARY KEY ("miner_id","staker","token")
);

-- CreateTable
CREATE TABLE "stake_locks" (
    "lock_id" BIGINT NOT NULL,
    "staker" TEXT NOT NULL,
    "miner_id" TEXT NOT NULL,
    "amount_wei" DECIMAL(78,0) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "unlock_at" TIMESTAMPTZ(3) NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3),

    CONSTRAINT "stake_locks_pkey" PRIMARY KEY ("lock_id")
);

-- CreateTable
CREATE TABLE "bribe_changes" (
    "block_number" BIGINT NOT NULL,
    "log_index" INTEGER NOT NULL,
    "miner_id" TEXT NOT NULL,
    "operator" TEXT NOT NULL,
    "bps" INTEGER NOT NULL,
    "effective_epoch" INTEGER NOT NULL,
    "effective_at" TIMESTAMPTZ(3) NOT NULL,
    "set_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bribe_changes_pkey" PRIMARY KEY ("block_number","log_index")
);

-- CreateTable
CREATE TABLE "wallet_nft_history" (
    "wallet" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "block_number" BIGINT NOT NULL,
    "log_index" INTEGER NOT NULL,
    "nft_count" INTEGER NOT NULL,

    CONSTRAINT "wallet_nft_history_pkey" PRIMARY KEY ("wallet","at","block_number","log_index")
);

-- CreateTable
CREATE TABLE "wallet_nfts" (
    "wallet" TEXT NOT NULL,
    "nft_count" INTEGER NOT NULL,
    "block_number" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "wallet_nfts_pkey" PRIMARY KEY ("wallet")
);

-- CreateIndex
CREATE INDEX "chain_events_name_block_time_idx" ON "chain_events"("name", "block_time");

-- CreateIndex
CREATE INDEX "stake_changes_miner_id_at_idx" ON "stake_changes"("miner_id", "at");

-- CreateIndex
CREATE INDEX "stake_changes_staker_at_idx" ON "stake_changes"("staker", "at");

-- CreateIndex
CREATE INDEX "stake_positions_staker_idx" ON "stake_positions"("staker");

-- CreateIndex
CREATE INDEX "stake_locks_staker_idx" ON "stake_locks"("staker");

-- CreateIndex
CREATE INDEX "bribe_changes_miner_id_effective_at_idx" ON "bribe_changes"("miner_id", "effective_at");

-- Written by hand: the contracts never let these go negative, so a negative value means an
-- indexer bug; the constraint makes that transaction fail instead of storing it.
ALTER TABLE "node_stakes" ADD CONSTRAINT "node_stakes_non_negative" CHECK ("stake_wei" >= 0);
ALTER TABLE "stake_positions" ADD CONSTRAINT "stake_positions_non_negative" CHECK ("amount_wei" >= 0);
ALTER TABLE "wallet_nfts" ADD CONSTRAINT "wallet_nfts_non_negative" CHECK ("nft_count" >= 0);
