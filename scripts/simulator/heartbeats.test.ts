import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { signBody } from "../../lib/signing";
import { backfillHeartbeats } from "./heartbeats";
import { createNetwork } from "./network";

const SECRET = "simulator-heartbeat-secret-0123";
const received: { at: string; minerIds: string[]; signed: boolean }[] = [];
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const signed = req.headers["x-signature"] === signBody(SECRET, String(req.headers["x-timestamp"]), body) && req.url === "/api/v1/heartbeats";
    received.push({ ...JSON.parse(body), signed });
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
let url = "";
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

test("a day of heartbeats: one signed post per 5-minute bucket, each naming the nodes online in its hour, with some nodes offline for hours", async () => {
  const network = createNetwork({ scale: 0.01 });
  const now = new Date("2026-12-05T12:00:00Z");
  expect(await backfillHeartbeats(network, url, SECRET, now)).toBe(288);
  expect(received).toHaveLength(288);
  received.sort((a, b) => a.at.localeCompare(b.at));
  expect(received.every((r) => r.signed)).toBe(true);
  expect(received.at(-1)!.at).toBe("2026-12-05T12:00:00.000Z");
  expect(received[0]!.at).toBe("2026-12-04T12:05:00.000Z");
  const all = network.gpus.length;
  const sizes = received.map((r) => r.minerIds.length);
  expect(Math.max(...sizes)).toBeLessThan(all); // never every node at once
  // Within an hour the set is the same; across the day nodes come and go.
  expect(received[1]!.minerIds).toEqual(received[2]!.minerIds);
  const seenEver = new Set(received.flatMap((r) => r.minerIds));
  const alwaysOn = [...seenEver].filter((m) => received.every((r) => r.minerIds.includes(m)));
  expect(alwaysOn.length).toBeLessThan(seenEver.size);
}, 60_000);
