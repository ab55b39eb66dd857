-- CreateTable
CREATE TABLE "reward_configs" (
    "id" SERIAL NOT NULL,
    "effective_epoch" INTEGER NOT NULL,
    "waifu_base_wei" DECIMAL(78,0) NOT NULL,
    "llama_base_wei" DECIMAL(78,0) NOT NULL,
    "waifu_wei_per_point" DECIMAL(78,0) NOT NULL,
    "llama_wei_per_point" DECIMAL(78,0) NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reward_configs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "epochs" (
    "number" INTEGER NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "ledger_cutoff" BIGINT NOT NULL,
    "config_id" INTEGER NOT NULL,
    "waifu_pool_wei" DECIMAL(78,0) NOT NULL,
    "llama_pool_wei" DECIMAL(78,0) NOT NULL,
    "waifu_points_micro" BIGINT NOT NULL,
    "llama_points_micro" BIGINT NOT NULL,
    "late_points_micro" BIGINT NOT NULL,
    "adjust_points_micro" BIGINT NOT NULL,
    "miner_count" INTEGER NOT NULL,
    "settled_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "epochs_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "epoch_miner_rewards" (
    "epoch" INTEGER NOT NULL,
    "miner_id" TEXT NOT NULL,
    "wallet" TEXT NOT NULL,
    "waifu_points_micro" BIGINT NOT NULL,
    "llama_points_micro" BIGINT NOT NULL,
    "waifu_tokens_wei" DECIMAL(78,0) NOT NULL,
    "llama_tokens_wei" DECIMAL(78,0) NOT NULL,
    "bribe_bps" INTEGER NOT NULL,
    "operator_wei" DECIMAL(78,0) NOT NULL,
    "stakers_wei" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "epoch_miner_rewards_pkey" PRIMARY KEY ("epoch","miner_id")
);

-- CreateTable
CREATE TABLE "epoch_staker_rewards" (
    "epoch" INTEGER NOT NULL,
    "miner_id" TEXT NOT NULL,
    "staker" TEXT NOT NULL,
    "weight" DECIMAL(78,0) NOT NULL,
    "tokens_wei" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "epoch_staker_rewards_pkey" PRIMARY KEY ("epoch","miner_id","staker")
);

-- CreateTable
CREATE TABLE "esheu_grants" (
    "id" BIGSERIAL NOT NULL,
    "epoch" INTEGER NOT NULL,
    "recipient" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "amount_wei" DECIMAL(78,0) NOT NULL,
    "vest_start" TIMESTAMPTZ(3) NOT NULL,
    "vest_end" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "esheu_grants_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reward_configs_effective_epoch_key" ON "reward_configs"("effective_epoch");

-- CreateIndex
CREATE INDEX "epoch_miner_rewards_wallet_epoch_idx" ON "epoch_miner_rewards"("wallet", "epoch");

-- CreateIndex
CREATE INDEX "epoch_staker_rewards_staker_epoch_idx" ON "epoch_staker_rewards"("staker", "epoch");

-- CreateIndex
CREATE INDEX "esheu_grants_recipient_epoch_idx" ON "esheu_grants"("recipient", "epoch");

-- Written by hand: settled epochs are history. Their rows can be added, never changed or removed;
-- a correction is a ledger entry that lands in the next open epoch.
CREATE FUNCTION "settled_rows_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable once settled: record a correction in the open epoch instead', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER "epochs_immutable" BEFORE UPDATE OR DELETE ON "epochs" FOR EACH ROW EXECUTE FUNCTION "settled_rows_immutable"();
CREATE TRIGGER "epoch_miner_rewards_immutable" BEFORE UPDATE OR DELETE ON "epoch_miner_rewards" FOR EACH ROW EXECUTE FUNCTION "settled_rows_immutable"();
CREATE TRIGGER "epoch_staker_rewards_immutable" BEFORE UPDATE OR DELETE ON "epoch_staker_rewards" FOR EACH ROW EXECUTE FUNCTION "settled_rows_immutable"();
CREATE TRIGGER "esheu_grants_immutable" BEFORE UPDATE OR DELETE ON "esheu_grants" FOR EACH ROW EXECUTE FUNCTION "settled_rows_immutable"();

-- The pool configuration in force from epoch 0 until an operator adds another row. Season 1 paid
-- about 0.029 HEU per Waifu Point; the default keeps that order of magnitude: 150,000 HEU a week
-- per pool, plus 0.01 HEU per Waifu Point and 0.2 HEU per Llama Point earned that week.
INSERT INTO "reward_configs" ("effective_epoch", "waifu_base_wei", "llama_base_wei", "waifu_wei_per_point", "llama_wei_per_point", "note")
VALUES (0, 150000 * 10::numeric ^ 18, 150000 * 10::numeric ^ 18, 10::numeric ^ 16, 2 * 10::numeric ^ 17, 'default: 150,000 HEU base per pool, 0.01 HEU per Waifu Point, 0.2 HEU per Llama Point');
