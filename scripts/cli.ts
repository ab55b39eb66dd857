// `npm run cli -- <command>`: operator tools that work on the database directly (DATABASE_URL).
import { parseArgs } from "node:util";
import pg from "pg";
import { settleDueEpochs, settleEpoch, type SettleResult } from "../lib/server/epochs/settle";
import { verifyAll } from "../lib/server/verify/verify";

const HELP = `Usage: npm run cli -- <command> [options]

Commands
  verify      re-price every job from its stored shape and factors and compare with its ledger
              entry; recompute every rollup (per miner, wallet, GPU model, wallet × model, node
              totals) from the ledger and compare. Prints every kind of mismatch with examples;
              exits 1 if there is any. Read-only (one consistent snapshot).

  settle      settle every epoch that has ended (oldest first): pools to miners pro rata to points,
              bribes to stakers by time-weighted stake, esHEU grants. Settled epochs never change.
  settle --epoch <n>
              settle one epoch (the previous one must be settled).

Options
  --help      this text

Environment: DATABASE_URL (required).`;

async function verify(databaseUrl: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    let last = 0;
    const results = await verifyAll(pool, {
      onProgress: (step, done) => {
        if (step !== "ledger") return process.stderr.write(`\r  checking ${step}…${" ".repeat(20)}`);
        if (done && done - last >= 50_000) process.stderr.write(`\r  re-pricing jobs: ${(last = done).toLocaleString("en-US")}`);
      },
    });
    process.stderr.write("\r" + " ".repeat(60) + "\r");
    let bad = 0;
    for (const r of results) {
      const mark = r.mismatches === 0 ? "ok  " : "FAIL";
      console.log(`${mark} ${r.name.padEnd(38)} ${r.checked.toLocaleString("en-US").padStart(12)} checked, ${r.mismatches.toLocaleString("en-US")} mismatch(es)`);
      for (const line of r.examples) console.log(`       ${line}`);
      bad += r.mismatches;
    }
    console.log(bad === 0 ? "\nverify: the ledger matches the jobs and every rollup matches the ledger." : `\nverify: ${bad} mismatch(es).`);
    return bad === 0 ? 0 : 1;
  } finally {
    await pool.end();
  }
}

const heu = (wei: bigint) => (Number(wei / 10n ** 12n) / 1e6).toLocaleString("en-US", { maximumFractionDigits: 2 });
const printSettled = (r: SettleResult) =>
  console.log(`epoch ${r.epoch}: ${r.miners} miner IDs, ${r.stakers} stakers; Waifu pool ${heu(r.waifuPoolWei)} HEU, Llama pool ${heu(r.llamaPoolWei)} HEU`);

async function settle(databaseUrl: string, epoch: string | undefined): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    if (epoch !== undefined) {
      if (!/^\d+$/.test(epoch)) {
        console.error(`--epoch must be a whole number, got "${epoch}"`);
        return 2;
      }
      printSettled(await settleEpoch(pool, Number(epoch)));
    } else {
      const done = await settleDueEpochs(pool, new Date(), printSettled);
      if (done.length === 0) console.log("settle: no ended epoch is waiting.");
    }
    return 0;
  } catch (err) {
    console.error(`settle: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await pool.end();
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: "boolean", default: false }, epoch: { type: "string" } } });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set.");
    return 2;
  }
  if (command === "verify") return verify(databaseUrl);
  if (command === "settle") return settle(databaseUrl, values.epoch);
  console.error(`Unknown command "${command}".\n\n${HELP}`);
  return 2;
}

process.exitCode = await main();
