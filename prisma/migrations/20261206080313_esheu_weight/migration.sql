-- AlterTable
ALTER TABLE "reward_configs" ADD COLUMN     "esheu_weight_ppm" INTEGER NOT NULL DEFAULT 1250000;

-- AlterTable (edited by hand: existing snapshot rows were built with every token at weight 1)
ALTER TABLE "market_snapshot" ADD COLUMN     "split_stake_heu" DOUBLE PRECISION;
UPDATE "market_snapshot" SET "split_stake_heu" = "stake_heu";
ALTER TABLE "market_snapshot" ALTER COLUMN "split_stake_heu" SET NOT NULL;

-- AlterTable
ALTER TABLE "market_snapshot_meta" ADD COLUMN     "esheu_weight_ppm" INTEGER NOT NULL DEFAULT 1000000;

-- Written by hand: the weight is history like the pools (decision 0031). A configuration that
-- already paid an epoch paid it with esHEU and HEU alike, so it keeps weight 1; when the newest
-- one has, the 1.25× default starts with a copy of it from the first epoch not settled yet.
ALTER TABLE "reward_configs" ADD CONSTRAINT "reward_configs_esheu_weight_ppm_range" CHECK ("esheu_weight_ppm" BETWEEN 1 AND 10000000);
UPDATE "reward_configs" SET "esheu_weight_ppm" = 1000000 WHERE "id" IN (SELECT "config_id" FROM "epochs");
INSERT INTO "reward_configs" ("effective_epoch", "waifu_base_wei", "llama_base_wei", "waifu_wei_per_point", "llama_wei_per_point", "esheu_weight_ppm", "note")
SELECT e."next", c."waifu_base_wei", c."llama_base_wei", c."waifu_wei_per_point", c."llama_wei_per_point", 1250000,
       'esHEU stake weighs 1.25× in the bribe split from here (the pools as before)'
  FROM (SELECT max("number") + 1 AS "next" FROM "epochs") e
  JOIN LATERAL (SELECT * FROM "reward_configs" WHERE "effective_epoch" <= e."next" ORDER BY "effective_epoch" DESC LIMIT 1) c ON true
 WHERE c."esheu_weight_ppm" = 1000000 AND c."effective_epoch" < e."next";
