// esHEU weighs more in the bribe split (issue 14 item 5, decision 0031), with history: the weight
// is a column of reward_configs, so each epoch splits by the configuration in force for it. A
// database with settled epochs keeps weight 1 for the configurations that paid them (they did pay
// with it) and starts the 1.25× default at the first epoch not settled; a later configuration's
// weight applies from its epoch, and settled epochs keep theirs.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { epochEnd, epochOf, epochStart } from "@/lib/rewards";
import { applyChainLogs } from "@/lib/server/chain/apply";
import { TOKEN_ESHEU, TOKEN_HEU } from "@/lib/server/chain/events";
import type { ChainEventData } from "@/lib/server/chain/events";
import { settleDueEpochs } from "@/lib/server/epochs/settle";
import { applyMigrations } from "../../prisma/migrate";
import { imageJob, randomWallet } from "../support/fixtures";
import { importJobs } from "../support/import-jobs";
import { createOwnDatabase } from "../support/own-database";

const BEFORE_WEIGHT = "20261206061016_reward_chain_records";
const N = epochOf(new Date("2025-03-05T00:00:00Z")); // settled before the migration
const E18 = 10n ** 18n;
let pool: pg.Pool;
let block = 0n;

async function chain(events: { event: ChainEventData; at: Date }[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await applyChainLogs(
      client,
      events.map(({ event, at }) => ({
        blockNumber: ++block,
        logIndex: 0,
        blockHash: `0x${block.toString(16).padStart(64, "0")}`,
        txHash: `0x${"cd".repeat(32)}`,
        blockTime: at,
        contract: "0xfixture",
        event,
      })),
    );
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  const url = await createOwnDatabase("esheu_weight", BEFORE_WEIGHT);
  pool = new pg.Pool({ connectionString: url, max: 3 });
  // Epoch N settled under the default configuration (id 1) before esHEU had a weight.
  await pool.query(
    `INSERT INTO epochs (number, starts_at, ends_at, ledger_cutoff, config_id, waifu_pool_wei, llama_pool_wei, waifu_points_micro, llama_points_micro,
                         late_points_micro, adjust_points_micro, miner_count, settled_at)
     VALUES ($1, $2, $3, 0, 1, 0, 0, 0, 0, 0, 0, 0, $3)`,
    [N, epochStart(N), epochEnd(N)],
  );
  await applyMigrations(url);
}, 120_000);

afterAll(async () => {
  await pool?.end();
});

describe("the esHEU weight, with history", () => {
  test("a configuration that already paid an epoch keeps weight 1; the 1.25× default starts, with the same pools, at the first epoch not settled", async () => {
    const { rows } = await pool.query(
      `SELECT effective_epoch, esheu_weight_ppm, waifu_base_wei::text AS wb, llama_base_wei::text AS lb, waifu_wei_per_point::text AS wp, llama_wei_per_point::text AS lp
         FROM reward_configs ORDER BY effective_epoch`,
    );
    expect(rows).toHaveLength(2);
    const pools = ({ wb, lb, wp, lp }: Record<string, string>) => ({ wb, lb, wp, lp });
    expect(rows[0]).toMatchObject({ effective_epoch: 0, esheu_weight_ppm: 1_000_000 });
    expect(rows[1]).toMatchObject({ effective_epoch: N + 1, esheu_weight_ppm: 1_250_000 });
    expect(pools(rows[1])).toEqual(pools(rows[0]));
    // A weight of 0 (nobody's esHEU would count) or above 10× is refused by the table.
    for (const bad of [0, 10_000_001]) {
      await expect(pool.query("UPDATE reward_configs SET esheu_weight_ppm = $1 WHERE effective_epoch = $2", [bad, N + 1])).rejects.toThrow(/esheu_weight_ppm_range/);
    }
  });

  test("each epoch splits its bribe by the weight in force for it: 1.25× from the migration, 2× from a later configuration", async () => {
    // Node x: a 50 % bribe from N+1; s1 holds 60,000 HEU and s2 20,000 esHEU on it from before N+1.
    // From N+2 a configuration weighs esHEU 2×. One job a day in each epoch.
    const wallet = randomWallet();
    const x = `${wallet}-x`;
    const [s1, s2] = ["0x00000000000000000000000000000000000000e1", "0x00000000000000000000000000000000000000e2"];
    const before = new Date(epochStart(N + 1).getTime() - 86_400_000);
    await chain([
      { event: { name: "BribeSet", minerId: x, operator: wallet, bps: 5_000, effectiveEpoch: BigInt(N + 1), effectiveAt: BigInt(epochStart(N + 1).getTime() / 1000) }, at: before },
      { event: { name: "Staked", minerId: x, staker: s1, token: TOKEN_HEU, amount: 60_000n * E18 }, at: before },
      { event: { name: "Staked", minerId: x, staker: s2, token: TOKEN_ESHEU, amount: 20_000n * E18 }, at: before },
    ]);
    await pool.query(
      `INSERT INTO reward_configs (effective_epoch, waifu_base_wei, llama_base_wei, waifu_wei_per_point, llama_wei_per_point, esheu_weight_ppm, note)
       SELECT $1, waifu_base_wei, llama_base_wei, waifu_wei_per_point, llama_wei_per_point, 2000000, 'esHEU 2×' FROM reward_configs WHERE effective_epoch = $2`,
      [N + 2, N + 1],
    );
    const jobs = [N + 1, N + 2].flatMap((e) =>
      Array.from({ length: 7 }, (_, d) => imageJob({ miner_id: x, completed_at: new Date(epochStart(e).getTime() + (d + 0.5) * 86_400_000).toISOString() })),
    );
    await importJobs(pool, jobs);

    const settled = await settleDueEpochs(pool, new Date(epochStart(N + 3).getTime() + 1_000));
    expect(settled.map((s) => s.epoch)).toEqual([N + 1, N + 2]);

    const week = 7n * 86_400n;
    for (const [epoch, esWeight] of [
      [N + 1, 25_000n],
      [N + 2, 40_000n],
    ] as const) {
      const { rows } = await pool.query<{ staker: string; weight: string; tokens_wei: string }>(
        "SELECT staker, weight::text, tokens_wei::text FROM epoch_staker_rewards WHERE epoch = $1 AND miner_id = $2 ORDER BY staker",
        [epoch, x],
      );
      // The recorded weights are stake × seconds, esHEU at the epoch's weight.
      expect(rows.map((r) => [r.staker, BigInt(r.weight)])).toEqual([
        [s1, 60_000n * E18 * week],
        [s2, esWeight * E18 * week],
      ]);
      const [heu, es] = rows.map((r) => BigInt(r.tokens_wei));
      const node = (await pool.query("SELECT stakers_wei::text FROM epoch_miner_rewards WHERE epoch = $1 AND miner_id = $2", [epoch, x])).rows[0];
      expect(heu! + es!).toBe(BigInt(node.stakers_wei));
      expect(heu).toBeGreaterThan(E18);
      // es : heu = esWeight : 60,000, to the remainder unit.
      const exact = (BigInt(node.stakers_wei) * esWeight) / (60_000n + esWeight);
      expect(es! - exact).toBeGreaterThanOrEqual(0n);
      expect(es! - exact).toBeLessThanOrEqual(1n);
    }
  });
});
