import "server-only";

/**
 * A wallet's GPU count: its miner IDs that have reported a job (rows of nodes), retired ones
 * included: what the wallet summary (queries/wallet.ts) counts over the same rows. Leaderboards
 * read it live with this expression, so a wallet shows one GPU count on every page (integration:
 * read-leaderboard.test.ts). `wallet` is an SQL expression.
 */
export const WALLET_GPUS_SQL = (wallet: string) => `(SELECT count(*)::int FROM nodes WHERE nodes.wallet = ${wallet})`;
