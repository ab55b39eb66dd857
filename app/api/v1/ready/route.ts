import { route } from "@/lib/server/http";
import { probeOps, readyResponse } from "@/lib/server/ops/probe";

export const dynamic = "force-dynamic";

/** Readiness (GET /api/v1/health is liveness): 200 when this server can serve, else 503 naming what is wrong. */
export const GET = route(async () => readyResponse(await probeOps()));
