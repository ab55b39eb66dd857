// Runs once when a Next.js server starts: the chain indexer follows the contracts, and ended
// epochs are settled, both in-process (see lib/server/chain/in-process.ts, lib/server/epochs/auto-settle.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ startInProcessIndexer }, { startAutoSettlement }] = await Promise.all([import("./lib/server/chain/in-process"), import("./lib/server/epochs/auto-settle")]);
  startInProcessIndexer();
  startAutoSettlement();
}
