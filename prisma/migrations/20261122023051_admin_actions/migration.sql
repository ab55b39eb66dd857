-- AlterTable
ALTER TABLE "ledger_entries" ADD COLUMN     "admin_action_id" BIGINT;

-- CreateTable
CREATE TABLE "admin_actions" (
    "id" BIGSERIAL NOT NULL,
    "admin" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target_kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "window_from" TIMESTAMPTZ(3),
    "window_to" TIMESTAMPTZ(3),
    "fraction_ppm" INTEGER,
    "reverses" BIGINT,
    "reason" TEXT NOT NULL,
    "waifu_micro" BIGINT NOT NULL DEFAULT 0,
    "llama_micro" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "admin_actions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "admin_actions_target_created_at_idx" ON "admin_actions"("target", "created_at");

-- CreateIndex
CREATE INDEX "admin_actions_reverses_idx" ON "admin_actions"("reverses");

-- Written by hand: the audit log is append-only, like the ledger.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'admin_actions is an append-only audit log: % is not allowed (reverse an action with a new one)', TG_OP;
END;
$$;
CREATE TRIGGER "admin_actions_append_only" BEFORE UPDATE OR DELETE ON "admin_actions" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
CREATE UNIQUE INDEX "admin_actions_one_reversal" ON "admin_actions"("reverses") WHERE "reverses" IS NOT NULL;
CREATE INDEX "ledger_entries_admin_action_id_idx" ON "ledger_entries"("admin_action_id") WHERE "admin_action_id" IS NOT NULL;
