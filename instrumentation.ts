// Runs once when a Next.js server starts: the chain indexer follows the contracts, ended epochs are
// settled, and expired sign-in nonces and sessions are purged, all in-process (see
// lib/server/chain/in-process.ts, lib/server/epochs/auto-settle.ts, lib/server/auth/auto-purge.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ startInProcessIndexer }, { startAutoSettlement }, { startAuthPurge }] = await Promise.all([
    import("./lib/server/chain/in-process"),
    import("./lib/server/epochs/auto-settle"),
    import("./lib/server/auth/auto-purge"),
  ]);
  startInProcessIndexer();
  startAutoSettlement();
  startAuthPurge();
}
