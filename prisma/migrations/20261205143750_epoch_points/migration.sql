-- CreateTable
CREATE TABLE "epoch_miner_points" (
    "epoch" INTEGER NOT NULL,
    "miner_id" TEXT NOT NULL,
    "wallet" TEXT NOT NULL,
    "waifu_micro" BIGINT NOT NULL DEFAULT 0,
    "llama_micro" BIGINT NOT NULL DEFAULT 0,
    "late_micro" BIGINT NOT NULL DEFAULT 0,
    "adjust_micro" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "epoch_miner_points_pkey" PRIMARY KEY ("epoch","miner_id")
);

-- CreateTable
CREATE TABLE "epoch_closes" (
    "number" INTEGER NOT NULL,
    "ledger_cutoff" BIGINT NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "epoch_closes_pkey" PRIMARY KEY ("number")
);

-- Written by every ledger writer's transaction: room on each page for HOT updates (no index column changes).
ALTER TABLE "epoch_miner_points" SET (fillfactor = 70);

-- Backfill (decision 0020). Each settled epoch's close is its settlement's cutoff, exact because that
-- settlement held a SHARE lock on the ledger. An entry's bucket is the first closed epoch whose
-- cutoff covers its id, never before its own epoch; an entry after every cutoff waits in its own
-- epoch or the first unsettled one.
INSERT INTO "epoch_closes" ("number", "ledger_cutoff", "closed_at")
SELECT "number", "ledger_cutoff", "settled_at" FROM "epochs";

INSERT INTO "epoch_miner_points" ("epoch", "miner_id", "wallet", "waifu_micro", "llama_micro", "late_micro", "adjust_micro")
SELECT bucket, miner_id, min(wallet),
       coalesce(sum(points_micro) FILTER (WHERE point_type = 'waifu'), 0),
       coalesce(sum(points_micro) FILTER (WHERE point_type = 'llama'), 0),
       coalesce(sum(points_micro) FILTER (WHERE own < bucket), 0),
       coalesce(sum(points_micro) FILTER (WHERE kind <> 'job'), 0)
  FROM (SELECT l.miner_id, l.wallet, l.point_type, l.points_micro, l.kind, e.own,
               GREATEST(e.own, coalesce((SELECT min(c."number") FROM "epoch_closes" c WHERE c."ledger_cutoff" >= l.id),
                                        (SELECT max(c."number") + 1 FROM "epoch_closes" c))) AS bucket
          FROM "ledger_entries" l
          CROSS JOIN LATERAL (SELECT floor((extract(epoch FROM l.occurred_at) - 86400) / 604800)::int AS own) e) x
 GROUP BY bucket, miner_id;
