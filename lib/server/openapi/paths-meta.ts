import "server-only";
import { z } from "zod";
import { jsonContent, jsonSchema } from "./json-schema";

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
