// Read replicas (issue 12, item 5): a production web server with DATABASE_URL on a primary and
// DATABASE_READ_URL on a streaming standby of it (scripts/lib/throwaway-replica.ts). A job ingested
// through the server reaches the miner's page and API by replication. With the standby's replay
// paused, an acknowledged job is on the primary but not on the page or API, the page says how old
// its data is, /ready reports the lag and stays ready, and sign-in (nonce and verify on the primary)
// still works; resumed, the job appears. Pages read from the primary would show the job at once.
import path from "node:path";
import pg from "pg";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { foldAll } from "@/lib/server/rollups/fold";
import { signedHeaders } from "@/lib/signing";
import { onDatabase, startThrowawayReplicaPair, type ThrowawayReplicaPair } from "../../scripts/lib/throwaway-replica";
import { imageJob } from "../support/fixtures";
import { ORIGIN, siweMessage } from "../support/siwe";
import { createMigratedDatabase } from "./support/database";
import { ensureTestBuild } from "../support/production-build";
import { PortalServer } from "./support/portal-server";

const root = path.resolve(import.meta.dirname, "../..");
const SECRET = process.env.INGEST_HMAC_SECRET!;
const METRICS_TOKEN = "read-replica-metrics-token";

let pair: ThrowawayReplicaPair | undefined;
let primary: pg.Pool;
let replica: pg.Client;
let server: PortalServer;

beforeAll(async () => {
  await ensureTestBuild();
  let primaryDb = "";
  pair = await startThrowawayReplicaPair(async (url) => {
    primaryDb = await createMigratedDatabase(url, "heurist_replica");
  });
  const replicaDb = onDatabase(pair.replicaUrl, new URL(primaryDb).pathname.slice(1));
  primary = new pg.Pool({ connectionString: primaryDb, max: 1 });
  replica = new pg.Client(replicaDb);
  await replica.connect();
  server = new PortalServer(root, {
    DATABASE_URL: primaryDb,
    DATABASE_READ_URL: replicaDb,
    INGEST_HMAC_SECRET: SECRET,
    METRICS_TOKEN,
    // No worker in this test: its heartbeat is reported, not required, and the test folds itself.
    READY_MAX_WORKER_SILENCE_SECONDS: "0",
  });
  await server.start();
}, 900_000);

afterAll(async () => {
  await server?.stop();
  await replica?.query("SELECT pg_wal_replay_resume()").catch(() => undefined);
  await primary?.end();
  await replica?.end();
  pair?.stop();
});

/** Polls `check` until it returns a value (not undefined) or the deadline passes; the last state goes into the error. */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s\n${server.logTail()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function ingest(minerId: string): Promise<void> {
  const body = JSON.stringify({ jobs: [imageJob({ miner_id: minerId, completed_at: new Date().toISOString() })] });
  const res = await fetch(`${server.url}/api/v1/jobs`, { method: "POST", headers: signedHeaders(SECRET, body), body });
  expect(res.status, await res.clone().text()).toBe(200);
  await foldAll(primary); // what the worker's folder does within a second (decision 0024)
}

/** The miner API's image-job count, or null while the miner is unknown where the server reads. */
async function apiImageCount(minerId: string): Promise<number | null> {
  const res = await fetch(`${server.url}/api/v1/miners/${minerId}`);
  if (res.status === 404) return null;
  expect(res.status).toBe(200);
  return ((await res.json()) as { totalImageCount: number }).totalImageCount;
}

/** The miner page's text (React's text-joining comments removed), or null while it is a 404. */
async function pageText(minerId: string): Promise<string | null> {
  const res = await fetch(`${server.url}/miners/${minerId}`);
  if (res.status === 404) return null;
  expect(res.status).toBe(200);
  return (await res.text()).replaceAll("<!-- -->", "");
}

const LAG_NOTE = /data-testid="replica-lag"[^>]*>Data as of (\d{2}:\d{2}:\d{2}) UTC \(replica (\d+) s behind\)/;

/** The miner ID of this file's one GPU (a fresh wallet, lowercased as stored). */
const minerId = imageJob().miner_id.toLowerCase();

describe("a web server reading from a streaming replica", () => {
  test("the replica is a standby, and a job ingested through the server reaches the miner's page and API from it", async () => {
    expect((await replica.query<{ standby: boolean }>("SELECT pg_is_in_recovery() AS standby")).rows[0]!.standby).toBe(true);
    await ingest(minerId);
    expect(await until("the miner API shows the job", async () => ((await apiImageCount(minerId)) === 1 ? true : undefined))).toBe(true);
    const page = await until("the miner page shows the job", async () => {
      const text = await pageText(minerId);
      return text?.includes("1 image and") ? text : undefined;
    });
    // Caught up: the page says nothing about the replica.
    expect(page).not.toMatch(/data-testid="replica-lag"/);
  });

  test("with replay paused, an acknowledged job is not shown yet, the page says how old its data is, /ready stays 200 and sign-in works; resumed, the job appears", async () => {
    await replica.query("SELECT pg_wal_replay_pause()");
    await until("replay paused", async () => ((await replica.query<{ s: string }>("SELECT pg_get_wal_replay_pause_state() AS s")).rows[0]!.s === "paused" ? true : undefined));
    await ingest(minerId);
    // Acknowledged and on the primary...
    expect(Number((await primary.query("SELECT image_count FROM nodes WHERE miner_id = $1", [minerId])).rows[0]!.image_count)).toBe(2);

    // ...but not where pages read: once the replica trails by more than a few seconds, the page says so.
    const page = await until("the page states the replica's lag", async () => {
      const text = await pageText(minerId);
      return text && LAG_NOTE.test(text) ? text : undefined;
    });
    expect(page).toContain("1 image and");
    expect(Number(LAG_NOTE.exec(page)![2])).toBeGreaterThanOrEqual(5);
    expect(await apiImageCount(minerId)).toBe(1);

    // Lag is reported, and does not take the server out of the load balancer.
    const ready = await fetch(`${server.url}/api/v1/ready`);
    const body = (await ready.json()) as { ready: boolean; checks: { replica: { configured: boolean; ok: boolean; standby: boolean; lagSeconds: number } } };
    expect(ready.status).toBe(200);
    expect(body.checks.replica).toMatchObject({ configured: true, ok: true, standby: true });
    expect(body.checks.replica.lagSeconds).toBeGreaterThanOrEqual(5);
    const metrics = await (await fetch(`${server.url}/api/v1/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(Number(/^heurist_read_replica_lag_seconds (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(5);

    // Sign-in writes a nonce and checks it on the primary: the paused replica does not stop it.
    const account = privateKeyToAccount(generatePrivateKey());
    const nonceRes = await fetch(`${server.url}/api/v1/auth/nonce`);
    expect(nonceRes.status).toBe(200);
    const cookie = nonceRes.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .join("; ");
    const message = siweMessage(account, ((await nonceRes.json()) as { nonce: string }).nonce);
    const verify = await fetch(`${server.url}/api/v1/auth/verify`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: ORIGIN },
      body: JSON.stringify({ message, signature: await account.signMessage({ message }) }),
    });
    expect(verify.status, await verify.clone().text()).toBe(200);
    const session = verify.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .find((c) => !c.endsWith("="))!;
    const state = (await (await fetch(`${server.url}/api/v1/auth/session`, { headers: { cookie: session } })).json()) as { signedIn: boolean; address?: string };
    expect(state.signedIn).toBe(true);
    expect(state.address?.toLowerCase()).toBe(account.address.toLowerCase());

    await replica.query("SELECT pg_wal_replay_resume()");
    await until("the miner API shows the second job", async () => ((await apiImageCount(minerId)) === 2 ? true : undefined));
    const caughtUp = await until("the page shows the second job without a lag note", async () => {
      const text = await pageText(minerId);
      return text?.includes("2 image and") && !text.includes('data-testid="replica-lag"') ? text : undefined;
    });
    expect(caughtUp).toContain("2 image and");
  });
});
