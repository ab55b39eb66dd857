import { ingestRequest } from "@/lib/server/ingest/ingest-request";
import { route } from "@/lib/server/http";

export const POST = route(async (req) => Response.json(await ingestRequest(req)));
