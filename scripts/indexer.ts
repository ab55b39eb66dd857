// `npm run indexer`: follows the configured contracts into the database (CHAIN_* and *_ADDRESS
// variables, DATABASE_URL). Stops cleanly on SIGINT/SIGTERM; safe to kill at any moment.
import pg from "pg";
import { chainEnv } from "../lib/env";
import { followChain } from "../lib/server/chain/indexer";

const chain = chainEnv();
if (!chain.contracts) {
  console.error("No contracts configured: set HEU_ADDRESS, ESHEU_ADDRESS, IMAGINARIES_ADDRESS and STAKING_MARKET_ADDRESS.");
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set.");
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
// An idle connection lost to a database restart must not kill the indexer: the next poll reconnects.
pool.on("error", (err) => console.error(JSON.stringify({ level: "error", msg: "indexer: idle database connection lost", err: err.message })));
const stop = new AbortController();
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => stop.abort());
console.log(`[indexer] following chain ${chain.chainId} at ${chain.rpcUrl}, ${chain.confirmations} confirmation(s)`);
await followChain({ chain: { ...chain, contracts: chain.contracts }, pool, signal: stop.signal });
await pool.end();
