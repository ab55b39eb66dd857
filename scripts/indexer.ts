// `npm run indexer`: follows the configured contracts into the database (CHAIN_* and *_ADDRESS
// variables, DATABASE_URL). Stops cleanly on SIGINT/SIGTERM; safe to kill at any moment.
import pg from "pg";
import { chainEnv } from "../lib/env";
import { log } from "../lib/log";
import { followChain } from "../lib/server/chain/indexer";

const logger = log().child({ component: "indexer" });
const chain = chainEnv();
if (!chain.contracts) {
  logger.fatal("No contracts configured: set HEU_ADDRESS, ESHEU_ADDRESS, IMAGINARIES_ADDRESS and STAKING_MARKET_ADDRESS.");
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  logger.fatal("DATABASE_URL is not set.");
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
// An idle connection lost to a database restart must not kill the indexer: the next poll reconnects.
pool.on("error", (err) => logger.error({ err }, "idle database connection lost"));
const stop = new AbortController();
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => stop.abort());
// The RPC URL may carry a provider key: only its host is logged.
logger.info({ chainId: chain.chainId, rpcHost: new URL(chain.rpcUrl).host, confirmations: chain.confirmations }, "following the chain");
await followChain({ chain: { ...chain, contracts: chain.contracts }, pool, signal: stop.signal });
await pool.end();
