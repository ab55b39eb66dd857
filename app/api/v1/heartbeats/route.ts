import { recordHeartbeats } from "@/lib/server/heartbeats/record";
import { route } from "@/lib/server/http";

export const POST = route(async (req) => Response.json(await recordHeartbeats(req)));
