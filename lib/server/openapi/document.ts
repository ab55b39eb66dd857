import "server-only";
import { components } from "./components";
import { watchPaths } from "./paths-watches";
import { adminPaths } from "./paths-admin";
import { authPaths } from "./paths-auth";
import { compatPaths } from "./paths-compat";
import { epochPaths } from "./paths-epochs";
import { exportPaths } from "./paths-export";
import { ingestPaths } from "./paths-ingest";
import { metaPaths } from "./paths-meta";
import { TAGS } from "./operation";
import { readPaths } from "./paths-read";
import { stakingPaths } from "./paths-staking";

const errorBody = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
const retryAfter = { "retry-after": { description: "Seconds to wait before trying again", schema: { type: "integer", minimum: 1 } } };
const internalError = { description: "Unexpected server error; nothing was written", content: errorBody };
const rateLimited = {
  description: "Too many requests from this client (its address, or the hop a trusted proxy added) this minute; a signed job report is never limited",
  headers: retryAfter,
  content: errorBody,
};
const busy = { description: "The database is busy or the query ran past the statement timeout; nothing was written", headers: retryAfter, content: errorBody };

function build() {
  const paths: Record<string, Record<string, { responses: Record<string, unknown> }>> = {
    ...readPaths(),
    ...stakingPaths(),
    ...epochPaths(),
    ...exportPaths(),
    ...ingestPaths(),
    ...authPaths(),
    ...watchPaths(),
    ...adminPaths(),
    ...metaPaths(),
    ...compatPaths(),
  };
  // Every operation can be rate-limited, meet a busy database or fail unexpectedly; say so once here.
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      operation.responses["429"] ??= rateLimited;
      operation.responses["500"] ??= internalError;
      operation.responses["503"] ??= busy;
    }
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Heurist mining points API",
      version: "1",
      description:
        "Waifu (image) and Llama (LLM) points of Heurist mining nodes. Points are numbers of points; the ledger stores integer micro-points (10⁻⁶). Errors are JSON: { error: { code, message, details?, requestId? } }; every API response carries its request id in x-request-id (the caller's own when it is 1–64 characters of A–Z a–z 0–9 . _ -), including 404 for a path that is not listed here and 405 (with Allow) for a method a path does not take.",
    },
    servers: [{ url: "/" }],
    tags: Object.entries(TAGS).map(([name, description]) => (description === undefined ? { name } : { name, description })),
    paths,
    components: components(),
  };
}

// Built from static schemas: once per process.
let cached: ReturnType<typeof build> | undefined;

export function openApiDocument() {
  cached ??= build();
  return cached;
}
