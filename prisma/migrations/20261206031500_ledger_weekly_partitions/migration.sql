-- Written by hand (Prisma's schema cannot say PARTITION BY; decision 0028): the ledger is
-- partitioned by week, each partition one epoch (Friday 00:00 UTC to the next), so old weeks can be
-- vacuumed, archived or moved to cheaper storage one at a time while new ones take the writes.
-- With data in place: the table as it is becomes the partition of everything before the first
-- weekly one (its rows are not copied), and weekly partitions follow from there.

BEGIN;

-- The epoch (week) of a time, and when an epoch starts: as lib/rewards/epoch.ts computes them.
CREATE FUNCTION "epoch_of"(at timestamptz) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN floor((extract(epoch FROM at) - 86400) / 604800)::int;
CREATE FUNCTION "epoch_start"(epoch int) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_timestamp(epoch::bigint * 604800 + 86400);

-- 1. Today's table, renamed, with its indexes and its trigger out of the way of the new names.
DROP TRIGGER "ledger_entries_no_update_delete" ON "ledger_entries";
ALTER TABLE "ledger_entries" RENAME TO "ledger_entries_history";
ALTER TABLE "ledger_entries_history" RENAME CONSTRAINT "ledger_entries_pkey" TO "ledger_entries_history_pkey";
ALTER INDEX "ledger_entries_miner_id_occurred_at_idx" RENAME TO "ledger_entries_history_miner_id_occurred_at_idx";
ALTER INDEX "ledger_entries_admin_action_id_idx" RENAME TO "ledger_entries_history_admin_action_id_idx";
ALTER INDEX "ledger_entries_implausible_idx" RENAME TO "ledger_entries_history_implausible_idx";

-- 2. The partitioned ledger: the same columns and defaults (ids from the same sequence). A key of
-- a partitioned table must hold the partition column: (id, occurred_at); ids stay unique (one sequence).
CREATE TABLE "ledger_entries" (LIKE "ledger_entries_history" INCLUDING DEFAULTS INCLUDING STORAGE) PARTITION BY RANGE ("occurred_at");
ALTER SEQUENCE "ledger_entries_id_seq" OWNED BY "ledger_entries"."id";
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id", "occurred_at");
CREATE INDEX "ledger_entries_miner_id_occurred_at_idx" ON "ledger_entries"("miner_id", "occurred_at");
CREATE INDEX "ledger_entries_admin_action_id_idx" ON "ledger_entries"("admin_action_id") WHERE "admin_action_id" IS NOT NULL;
CREATE INDEX "ledger_entries_implausible_idx" ON "ledger_entries"("occurred_at") WHERE "zero_reason" = 'implausible';
-- On the partitioned table: cloned onto every partition, the history one included.
CREATE TRIGGER "ledger_entries_no_update_delete"
  BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entries_append_only"();

-- 3. The old table becomes the history partition: every time before the first weekly partition,
-- which starts with this epoch if no entry is in it yet, else with the next. Its key on id is
-- replaced by (id, occurred_at), the parent's (built here; on a large ledger build it beforehand
-- with CREATE UNIQUE INDEX CONCURRENTLY under this name, and add the partition's CHECK constraint
-- NOT VALID and VALIDATE it, so that this migration neither builds nor scans; decision 0028).
CREATE UNIQUE INDEX IF NOT EXISTS "ledger_entries_history_id_occurred_at_key" ON "ledger_entries_history"("id", "occurred_at");
ALTER TABLE "ledger_entries_history" DROP CONSTRAINT "ledger_entries_history_pkey",
  ADD CONSTRAINT "ledger_entries_history_pkey" PRIMARY KEY USING INDEX "ledger_entries_history_id_occurred_at_key";

-- Creates the weekly partitions missing from the last one through `weeks_ahead` epochs after now
-- (the worker calls it; idempotent). Returns how many it created.
CREATE FUNCTION "ensure_ledger_partitions"(weeks_ahead int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  last_epoch int;
  created int := 0;
BEGIN
  SELECT max(substring(c.relname FROM '^ledger_entries_e(\d+)$')::int) INTO last_epoch
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'ledger_entries'::regclass;
  IF last_epoch IS NULL THEN
    RAISE EXCEPTION 'ledger_entries has no weekly partition to continue from';
  END IF;
  FOR e IN last_epoch + 1 .. epoch_of(now()) + weeks_ahead LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF ledger_entries FOR VALUES FROM (%L) TO (%L)', 'ledger_entries_e' || e, epoch_start(e), epoch_start(e + 1));
    created := created + 1;
  END LOOP;
  RETURN created;
END;
$$;

DO $$
DECLARE
  first_epoch int := greatest(epoch_of(now()), coalesce((SELECT epoch_of(max(occurred_at)) + 1 FROM ledger_entries_history), epoch_of(now())));
BEGIN
  EXECUTE format('ALTER TABLE ledger_entries ATTACH PARTITION ledger_entries_history FOR VALUES FROM (MINVALUE) TO (%L)', epoch_start(first_epoch));
  EXECUTE format('CREATE TABLE %I PARTITION OF ledger_entries FOR VALUES FROM (%L) TO (%L)', 'ledger_entries_e' || first_epoch, epoch_start(first_epoch), epoch_start(first_epoch + 1));
  PERFORM ensure_ledger_partitions(8);
END;
$$;

COMMIT;
