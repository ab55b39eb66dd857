// `npm run cli -- <command>`: operator tools that work on the database directly (DATABASE_URL).
import { parseArgs } from "node:util";
import pg from "pg";
import { verifyAll } from "../lib/server/verify/verify";

const HELP = `Usage: npm run cli -- <command> [options]

Commands
  verify      re-price every job from its stored shape and factors and compare with its ledger
              entry; recompute every rollup (per miner, wallet, GPU model, wallet × model, node
              totals) from the ledger and compare. Prints every kind of mismatch with examples;
              exits 1 if there is any. Read-only (one consistent snapshot).

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

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: "boolean", default: false } } });
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
  console.error(`Unknown command "${command}".\n\n${HELP}`);
  return 2;
}

process.exitCode = await main();
