// The OpenAPI document is generated from the zod schemas; it must cover every route handler.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { API_ROUTES } from "@/lib/http/api-routes";

/**
 * Every route handler of the app (app/**\/route.ts) as an OpenAPI path ("[minerId]" → "{minerId}",
 * route groups left out): the /api/v1 routes and Heurist's stats path outside it (decision 0033).
 */
function routePaths(dir = path.join(process.cwd(), "app"), prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile() && entry.name === "route.ts") return [prefix];
    if (!entry.isDirectory()) return [];
    if (/^\(.+\)$/.test(entry.name)) return routePaths(path.join(dir, entry.name), prefix);
    const segment = entry.name.replace(/^\[(.+)\]$/, "{$1}");
    return routePaths(path.join(dir, entry.name), `${prefix}/${segment}`);
  });
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) => (key === "$ref" && typeof value === "string" ? [value] : refsIn(value)));
}

test("openapi.json is an OpenAPI 3.1 document listing every route, with resolvable references", async () => {
  const res = await GET(new Request("http://localhost/api/v1/openapi.json"));
  expect(res.status).toBe(200);
  const doc = JSON.parse(await res.text());
  expect(doc.openapi).toBe("3.1.0");

  const documented = Object.keys(doc.paths).sort();
  expect(documented).toEqual(routePaths().sort());
  expect(documented).toEqual(
    expect.arrayContaining([
      "/api/v1/jobs",
      "/api/v1/estimate",
      "/api/v1/miners/{minerId}",
      "/api/v1/wallets/{address}",
      "/api/v1/leaderboard",
      "/api/v1/gpus",
      "/api/v1/models",
      "/api/v1/openapi.json",
      "/prod/stats",
    ]),
  );

  for (const ref of refsIn(doc)) {
    expect(ref).toMatch(/^#\/components\/schemas\//);
    expect(doc.components.schemas[ref.split("/").at(-1)!], ref).toBeDefined();
  }
  for (const [p, operations] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(doc.paths)) {
    for (const operation of Object.values(operations)) {
      const codes = Object.keys(operation.responses);
      expect(codes, p).toContain("500");
      expect(
        codes.filter((c) => /^2\d\d$/.test(c)),
        p,
      ).toHaveLength(1); // one success answer: 200, 201 (created) or 204 (deleted)
    }
  }
});

test("the proxy's route table (its JSON 404 and 405 answers) names exactly the routes and methods that exist", async () => {
  const doc = await (await GET(new Request("http://localhost/api/v1/openapi.json"))).json();
  const documented = Object.fromEntries(
    Object.entries<Record<string, unknown>>(doc.paths).map(([p, ops]) => [
      p,
      Object.keys(ops)
        .map((m) => m.toUpperCase())
        .sort(),
    ]),
  );
  const table = Object.fromEntries(Object.entries(API_ROUTES).map(([p, methods]) => [p, [...methods].sort()]));
  expect(table).toEqual(documented);
  for (const p of routePaths()) {
    const file = path.join(process.cwd(), "app", p.replace(/^\//, "").replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const exported = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
    expect(exported, p).toEqual(table[p]);
  }
});

test("documents query parameters, ingestion headers and answers, and the error shape", async () => {
  const doc = await (await GET(new Request("http://localhost/api/v1/openapi.json"))).json();
  const wallet = doc.paths["/api/v1/wallets/{address}"].get;
  const params = Object.fromEntries(wallet.parameters.map((p: { name: string }) => [p.name, p]));
  expect(params.address).toMatchObject({ in: "path", required: true, schema: { type: "string", pattern: "^0x[a-fA-F0-9]{40}$" } });
  expect(params.sort).toMatchObject({ in: "query", required: false, schema: { enum: expect.arrayContaining(["totalWaifuPoints", "hardware"]), default: "totalWaifuPoints" } });
  expect(params.pageSize.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 200, default: 50 });
  expect(Object.keys(wallet.responses)).toEqual(expect.arrayContaining(["200", "400", "404"]));

  const estimate = doc.paths["/api/v1/estimate"].get.parameters;
  expect(estimate.find((p: { name: string }) => p.name === "model")).toMatchObject({ required: true, schema: { enum: expect.arrayContaining(["SDXL", "hermes-3-llama3.1-8b"]) } });

  const ingest = doc.paths["/api/v1/jobs"].post;
  expect(ingest.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(["header:x-timestamp", "header:x-signature"]);
  expect(Object.keys(ingest.responses)).toEqual(expect.arrayContaining(["200", "401", "409", "413", "415", "422"]));
  expect(doc.components.schemas.Job).toMatchObject({
    required: expect.arrayContaining(["job_id", "miner_id", "model_id", "status", "completed_at"]),
    properties: { model_id: { enum: expect.arrayContaining(["SDXL", "FLUX.1-dev"]) } },
  });
  expect(doc.components.schemas.IngestResult.properties.results.items.required).toEqual(["job_id", "status", "pointType", "points"]);
  expect(doc.components.schemas.Error).toMatchObject({
    required: ["error"],
    properties: { error: { required: ["code", "message"], properties: { code: { enum: expect.arrayContaining(["bad_request", "not_found"]) } } } },
  });
  expect(doc.components.schemas.Miner.properties.last24HrsAvailability.anyOf).toEqual([{ type: "number", minimum: 0, maximum: 1 }, { type: "null" }]);
  // Availability with its sample, and the on-time rate under its own name (issue 10).
  for (const name of ["Miner", "Wallet"]) {
    const props = doc.components.schemas[name].properties;
    expect(props.availability24h.required).toEqual(expect.arrayContaining(["ratio", "onlineBuckets", "buckets", "heartbeatBuckets", "source", "from", "to"]));
    expect(props.availability24h.properties.source.enum).toEqual(["heartbeats", "jobs", "mixed", "none"]);
    expect(props.onTime24h.required).toEqual(["ratio", "completed", "jobs"]);
  }
  expect(doc.components.schemas.Wallet.properties.availability24h.required).toContain("gpus");
  const walletRow = doc.components.schemas.Wallet.properties.miners.properties.items.items;
  expect(walletRow.required).toEqual(expect.arrayContaining(["last24HrsAvailability", "availability24h", "onTime24h"]));
  const walletSort = doc.paths["/api/v1/wallets/{address}"].get.parameters.find((p: { name: string }) => p.name === "sort");
  expect(walletSort.schema.enum).toContain("availability24h");
});
