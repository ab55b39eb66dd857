import { issueNonce } from "@/lib/server/auth/siwe";
import { route } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = route(async () => Response.json(await issueNonce(), { headers: { "cache-control": "no-store" } }));
