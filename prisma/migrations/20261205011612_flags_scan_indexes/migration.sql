-- CreateIndex
CREATE INDEX "jobs_completed_at_idx" ON "jobs" USING BRIN ("completed_at");

-- Written by hand: summarize each block range as soon as it fills, rather than at the next vacuum.
ALTER INDEX "jobs_completed_at_idx" SET (autosummarize = on);

-- Written by hand: the admin flags list the ledger entries priced "implausible" (outside the
-- plausibility bounds) in a window. They are rare, so a partial index finds them at once and is
-- never written for any other entry.
CREATE INDEX "ledger_entries_implausible_idx" ON "ledger_entries"("occurred_at") WHERE "zero_reason" = 'implausible';
