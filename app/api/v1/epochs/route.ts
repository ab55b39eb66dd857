import { route } from "@/lib/server/http";
import { listEpochs } from "@/lib/server/queries/epochs";

export const dynamic = "force-dynamic";

export const GET = route(async () => Response.json({ items: await listEpochs() }));
