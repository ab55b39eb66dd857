// Runs once when a Next.js server starts: the chain indexer follows the contracts in-process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInProcessIndexer } = await import("./lib/server/chain/in-process");
  startInProcessIndexer();
}
