import { route } from "@/lib/server/http";
import { getChainStatus } from "@/lib/server/queries/chain-status";

export const dynamic = "force-dynamic";

/** The chain, RPC and contracts a browser wallet should use (runtime, not build-time), and the indexer's progress. */
export const GET = route(async () => Response.json(await getChainStatus(), { headers: { "cache-control": "no-store" } }));
