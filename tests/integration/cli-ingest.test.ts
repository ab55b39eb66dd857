// `cli ingest`: a JSONL file through the real ingestion route (over HTTP) into the real database,
// with bad lines reported, an interruption mid-file, and a resumed run that finishes the job.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { ingestFile } from "../../scripts/cli/ingest";
import { SECRET, count, imageJob, llmJob, randomWallet } from "../support/fixtures";

let server: Server;
let url: string;
let requests = 0;
let failFrom = Infinity; // requests at or after this number answer 503 (the portal going away)

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (++requests >= failFrom) return res.writeHead(503, { "content-type": "application/json" }).end('{"error":{"code":"unavailable","message":"down"}}');
    const answer = await POST(new Request(`http://localhost${req.url}`, { method: "POST", headers: req.headers as Record<string, string>, body }));
    res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("imports a file in batches, reports bad lines, and resumes after an interruption without duplicates", async () => {
  const wallet = randomWallet();
  const dir = mkdtempSync(path.join(os.tmpdir(), "heurist-ingest-"));
  const file = path.join(dir, "jobs.jsonl");
  const good = Array.from({ length: 250 }, (_, i) =>
    i % 5 === 0 ? llmJob({ miner_id: `${wallet}-llm`, completed_at: "2024-10-01T10:00:00Z" }) : imageJob({ miner_id: `${wallet}-${i % 3}`, completed_at: "2024-10-01T11:00:00Z" }),
  );
  const lines = good.map((j) => JSON.stringify(j));
  lines.splice(10, 0, "{not json");
  lines.splice(20, 0, JSON.stringify({ ...good[0], job_id: "bad-shape", width: -5 }));
  lines.splice(30, 0, JSON.stringify(imageJob({ miner_id: `${wallet}-0`, model_id: "no-such-model" })));
  lines.splice(40, 0, "");
  writeFileSync(file, lines.join("\n") + "\n");

  failFrom = 4; // three batches of 40 land, then the portal "goes away"
  await expect(ingestFile({ file, url, secret: SECRET, batchSize: 40, quiet: true })).rejects.toThrow(/kept failing/);
  expect(existsSync(`${file}.progress.json`)).toBe(true);
  const landed = await count("jobs", "miner_id LIKE $1", [`${wallet}%`]);
  expect(landed).toBeGreaterThan(0);
  expect(landed).toBeLessThan(good.length);

  failFrom = Infinity;
  const summary = await ingestFile({ file, url, secret: SECRET, batchSize: 40, quiet: true });
  expect(summary.resumedFrom).toBeGreaterThan(0);
  expect(await count("jobs", "miner_id LIKE $1", [`${wallet}%`])).toBe(good.length);
  expect(await count("ledger_entries", "miner_id LIKE $1", [`${wallet}%`])).toBe(good.length);
  expect(existsSync(`${file}.progress.json`)).toBe(false);

  const report = readFileSync(`${file}.rejected.jsonl`, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  expect(report.map((r) => r.line)).toEqual([11, 21, 31]);
  expect(report[0].reason).toBe("not valid JSON");
  expect(report[1].reason).toMatch(/width/);
  expect(report[2].reason).toMatch(/model/i);

  // Once more from the start: everything is a duplicate, nothing new, the same three rejections.
  const again = await ingestFile({ file, url, secret: SECRET, batchSize: 40, quiet: true, restart: true });
  expect(again).toMatchObject({ created: 0, duplicates: good.length, rejected: 3 });
});
