-- CreateTable
CREATE TABLE "reward_roots" (
    "epoch" INTEGER NOT NULL,
    "root" TEXT NOT NULL,
    "total_wei" DECIMAL(78,0) NOT NULL,
    "leaves" INTEGER NOT NULL,
    "vest_start" TIMESTAMPTZ(3) NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reward_roots_pkey" PRIMARY KEY ("epoch")
);

-- CreateTable
CREATE TABLE "reward_leaves" (
    "epoch" INTEGER NOT NULL,
    "account" TEXT NOT NULL,
    "amount_wei" DECIMAL(78,0) NOT NULL,
    "proof" TEXT[],

    CONSTRAINT "reward_leaves_pkey" PRIMARY KEY ("epoch","account")
);

-- CreateIndex
CREATE INDEX "reward_leaves_account_epoch_idx" ON "reward_leaves"("account", "epoch");

-- By hand (decision 0030): a settled epoch's tree never changes, like its grants; what happens to
-- it on chain (published, claimed) is recorded elsewhere.
CREATE TRIGGER "reward_roots_immutable" BEFORE UPDATE OR DELETE ON "reward_roots" FOR EACH ROW EXECUTE FUNCTION "settled_rows_immutable"();
CREATE TRIGGER "reward_leaves_immutable" BEFORE UPDATE OR DELETE ON "reward_leaves" FOR EACH ROW EXECUTE FUNCTION "settled_rows_immutable"();
