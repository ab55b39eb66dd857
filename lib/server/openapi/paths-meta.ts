import "server-only";
import { z } from "zod";
import { readyResponseSchema } from "@/lib/schemas/ops";
import { errorResponse, jsonContent, jsonSchema } from "./json-schema";

// Mirrors app/api/v1/health/route.ts, which answers an object literal without a shared schema.
const healthSchema = z.object({ ok: z.literal(true), dbLatencyMs: z.number().describe("round trip of SELECT 1, in ms") });

export function metaPaths() {
  return {
    "/api/v1/health": {
      get: {
        operationId: "getHealth",
        tags: ["meta"],
        summary: "Liveness and a database round trip, for launchers and load balancers",
        responses: { "200": { description: "Up, and the database answers", content: jsonContent(jsonSchema(healthSchema, "output")) } },
      },
    },
    "/api/v1/ready": {
      get: {
        operationId: "getReady",
        tags: ["meta"],
        summary: "Readiness: can this server serve? (database reachable, migrations current, chain indexer within READY_MAX_INDEXER_LAG_BLOCKS); snapshot ages and settlement are reported, not required",
        responses: {
          "200": { description: "Ready", content: jsonContent(jsonSchema(readyResponseSchema, "output")) },
          "503": { description: "Not ready: the checks say which failed", content: jsonContent(jsonSchema(readyResponseSchema, "output")) },
        },
      },
    },
    "/api/v1/metrics": {
      get: {
        operationId: "getMetrics",
        tags: ["meta"],
        summary: "Prometheus metrics of this server process (heurist_*), for the operator's scraper",
        security: [{ metricsToken: [] }],
        responses: {
          "200": { description: "Prometheus text exposition format 0.0.4", content: { "text/plain; version=0.0.4; charset=utf-8": { schema: { type: "string" } } } },
          "401": errorResponse("No bearer token, or not METRICS_TOKEN"),
          "404": errorResponse("Metrics are off: METRICS_TOKEN is not set"),
        },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        operationId: "getOpenApi",
        tags: ["meta"],
        summary: "This document",
        responses: { "200": { description: "OpenAPI 3.1 document", content: jsonContent({ type: "object" }) } },
      },
    },
  };
}
