// GET /prod/stats's parameters (decision 0033): Heurist's two (details, minerId), each validated,
// anything else, twice or malformed a 400 that names it; minerId wins over details because a
// forwarding proxy sends details=true with every call; unknown wallets and miner IDs a JSON 404.
// The path in the route table, the OpenAPI document and the metrics' route label.
import { beforeAll, describe, expect, test } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { POST as ingestJobs } from "@/app/api/v1/jobs/route";
import { GET as stats } from "@/app/prod/stats/route";
import { apiRouteTemplate, matchApiRoute } from "@/lib/http/api-routes";
import { foldNow, imageJob, llmJob, randomWallet, signedRequest } from "../support/fixtures";
import { heuristRequest, MINER_STATS_FIELDS } from "./heurist-stats-support";

const W = randomWallet();
const A = `${W}-gpu0`;

beforeAll(async () => {
  const res = await ingestJobs(
    signedRequest({ jobs: [imageJob({ miner_id: A, completed_at: new Date(Date.now() - 3_600_000).toISOString() }), llmJob({ miner_id: `${W}-gpu1` })] }),
  );
  expect(res.status).toBe(200);
  await foldNow();
});

async function refused(query: string): Promise<{ status: number; message: string; fields: string[]; reasons: string[] }> {
  const res = await stats(heuristRequest(query));
  const body = await res.json();
  expect(res.headers.get("x-request-id")).toBe(body.error.requestId);
  const details: { field: string; reason: string }[] = body.error.details ?? [];
  return { status: res.status, message: body.error.message, fields: details.map((d) => d.field), reasons: details.map((d) => d.reason) };
}

describe("parameters", () => {
  test.each([
    { query: "minerId=0x123", field: "minerId", reason: /wallet address \(0x \+ 40 hex\) or a miner ID/ },
    { query: `minerId=${W.slice(0, -1)}g`, field: "minerId", reason: /wallet address/ },
    { query: `minerId=${W}-bad tag`, field: "minerId", reason: /wallet address/ },
    { query: "minerId=", field: "minerId", reason: /wallet address/ },
    { query: `minerId=${W}&minerId=${A}`, field: "minerId", reason: /minerId must be given once/ },
    { query: "details=yes", field: "details", reason: /details must be true or false/ },
    { query: "details=true&details=true", field: "details", reason: /details must be given once/ },
    { query: `details=maybe&minerId=${W}`, field: "details", reason: /details must be true or false/ },
    { query: `wallet=${W}`, field: "(root)", reason: /unknown parameter\(s\): wallet/ },
    { query: `details=true&page=2`, field: "(root)", reason: /unknown parameter\(s\): page/ },
  ])("$query → 400 naming $field", async ({ query, field, reason }) => {
    const r = await refused(query);
    expect(r.status).toBe(400);
    expect(r.fields).toEqual([field]);
    expect(r.reasons[0]).toMatch(reason);
  });

  test("a well-formed wallet or miner ID that never reported a job: a JSON 404", async () => {
    const stranger = randomWallet();
    for (const [id, message] of [
      [stranger, /No GPU of wallet/],
      [`${stranger}-gpu0`, /No miner/],
      [`${W}-gpu9`, /No miner/],
    ] as const) {
      const r = await refused(`minerId=${id}`);
      expect(r.status).toBe(404);
      expect(r.message).toMatch(message);
    }
  });

  test("minerId with details=true (what a forwarding proxy sends) answers minerId's stats, case-insensitively", async () => {
    const alone = await (await stats(heuristRequest(`minerId=${A}`))).json();
    const both = await stats(heuristRequest(`details=true&minerId=${A.toUpperCase().replace(/^0X/, "0x").replace("-GPU0", "-gpu0")}`));
    expect(both.status).toBe(200);
    const body = await both.json();
    expect(body).not.toHaveProperty("minerDetails");
    expect({ ...body, asOf: null }).toEqual({ ...alone, asOf: null });
    expect(body).toMatchObject({ minerId: A, gpuCount: 1, totalImageCount: 1, totalTextCount: 0, status: expect.stringMatching(/^(active|idle)$/) });
    const wallet = await (await stats(heuristRequest(`minerId=${W}&details=false`))).json();
    expect(wallet).toMatchObject({ minerId: W, gpuCount: 2, totalImageCount: 1, totalTextCount: 1 });
  });
});

describe("the path in the route table, the OpenAPI document and the metrics", () => {
  test("GET, HEAD and OPTIONS are answered; any other method would get a 405 naming them", () => {
    expect(matchApiRoute("GET", "/prod/stats")).toMatchObject({ kind: "ok" });
    expect(matchApiRoute("HEAD", "/prod/stats")).toMatchObject({ kind: "ok" });
    expect(matchApiRoute("POST", "/prod/stats")).toMatchObject({ kind: "method_not_allowed", allow: "GET, HEAD, OPTIONS" });
    expect(matchApiRoute("GET", "/prod/stats/x")).toEqual({ kind: "not_found" });
    expect(apiRouteTemplate("/prod/stats")).toBe("/prod/stats");
  });

  test("documented with both parameters, three answers and Heurist's field names and types", async () => {
    const doc = await (await openapi(new Request("http://localhost/api/v1/openapi.json"))).json();
    const op = doc.paths["/prod/stats"].get;
    const params = Object.fromEntries(op.parameters.map((p: { name: string }) => [p.name, p]));
    expect(params.details).toMatchObject({ in: "query", required: false, schema: { enum: ["true", "false"] } });
    expect(params.minerId).toMatchObject({ in: "query", required: false, schema: { type: "string", pattern: "^(0x[a-fA-F0-9]{40})(-[A-Za-z0-9_]+)?$" } });
    expect(op.responses["200"].content["application/json"].schema.oneOf.map((s: { $ref: string }) => s.$ref.split("/").at(-1))).toEqual([
      "HeuristStatsSummary",
      "HeuristStatsDetails",
      "HeuristMinerStats",
    ]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "400", "404", "503"]));
    const { HeuristStatsDetails: details, HeuristMinerStats: miner } = doc.components.schemas;
    expect(details.required).toEqual(expect.arrayContaining(["last24HrsImageCount", "last24HrsTextCount", "minerDetails"]));
    const row = details.properties.minerDetails.items;
    for (const f of ["total_image_count", "total_text_count", "last_24_hours_image_count", "last_24_hours_text_count"])
      expect(row.properties[f], f).toMatchObject({ type: "string", pattern: "^\\d+$" });
    expect(row.properties.status.enum).toEqual(["active", "idle"]);
    expect(miner.required).toEqual(expect.arrayContaining([...MINER_STATS_FIELDS]));
    expect(miner.properties.s2Rewards.items.required).toEqual(["daily_date", "llama_points", "waifu_points", "llama_reward_tokens", "waifu_reward_tokens"]);
    expect(miner.properties.s2Rewards.items.properties.daily_date).toMatchObject({ type: "string", format: "date" });
  });
});
