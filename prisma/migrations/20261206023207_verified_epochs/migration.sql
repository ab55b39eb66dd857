-- CreateTable
CREATE TABLE "verified_epochs" (
    "epoch" INTEGER NOT NULL,
    "after_id" BIGINT NOT NULL,
    "up_to_id" BIGINT NOT NULL,
    "entries" BIGINT NOT NULL,
    "jobs" BIGINT NOT NULL,
    "definition" TEXT NOT NULL,
    "digests" JSONB NOT NULL,
    "verified_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verified_epochs_pkey" PRIMARY KEY ("epoch")
);

-- Written by hand (decision 0027): jobs are append-only like the ledger (nothing in the portal
-- updates or deletes one), so what an incremental verify found clean stays so; a job's stored shape
-- could otherwise drift under an entry already verified. verify checks that both triggers are on.
CREATE FUNCTION "jobs_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'jobs is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER "jobs_no_update_delete"
  BEFORE UPDATE OR DELETE ON "jobs"
  FOR EACH ROW EXECUTE FUNCTION "jobs_append_only"();

