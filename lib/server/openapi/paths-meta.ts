import "server-only";
import { z } from "zod";
import { readyResponseSchema } from "@/lib/schemas/ops";
import { json, operation, text } from "./operation";

// Mirrors app/api/v1/health/route.ts, which answers an object literal without a shared schema.
const healthSchema = z.object({ ok: z.literal(true), dbLatencyMs: z.number().describe("round trip of SELECT 1, in ms") });

export function metaPaths() {
  return {
    "/api/v1/health": {
      get: operation({
        id: "getHealth",
        tag: "meta",
        summary: "Liveness and a database round trip, for launchers and load balancers",
        responses: { 200: json("Up, and the database answers", healthSchema) },
      }),
    },
    "/api/v1/ready": {
      get: operation({
        id: "getReady",
        tag: "meta",
        summary:
          "Readiness: can this server serve? (database reachable, migrations current, chain indexer within READY_MAX_INDEXER_LAG_BLOCKS); snapshot ages and settlement are reported, not required",
        responses: {
          200: json("Ready", readyResponseSchema),
          503: json("Not ready: the checks say which failed", readyResponseSchema),
        },
      }),
    },
    "/api/v1/metrics": {
      get: operation({
        id: "getMetrics",
        tag: "meta",
        summary: "Prometheus metrics of this server process (heurist_*), for the operator's scraper",
        security: "metricsToken",
        responses: {
          200: text("Prometheus text exposition format 0.0.4", "text/plain; version=0.0.4; charset=utf-8"),
          401: "No bearer token, or not METRICS_TOKEN",
          404: "Metrics are off: METRICS_TOKEN is not set",
        },
      }),
    },
    "/api/v1/openapi.json": {
      get: operation({
        id: "getOpenApi",
        tag: "meta",
        summary: "This document",
        responses: { 200: json("OpenAPI 3.1 document", { type: "object" }) },
      }),
    },
  };
}
