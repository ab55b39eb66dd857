// Over 10,000 generated malformed or hostile requests (fast-check) to the ingest, estimate, read,
// export and account routes, called as Next.js calls them. Every answer must be a 4xx with the
// API's JSON error (never a 5xx), and no table a request could write changes.
import fc from "fast-check";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as session } from "@/app/api/v1/auth/session/route";
import { POST as verify } from "@/app/api/v1/auth/verify/route";
import { GET as estimate } from "@/app/api/v1/estimate/route";
import { GET as gpus } from "@/app/api/v1/gpus/route";
import { POST as ingest } from "@/app/api/v1/jobs/route";
import { GET as leaderboard } from "@/app/api/v1/leaderboard/route";
import { GET as minerDaily } from "@/app/api/v1/miners/[minerId]/daily.csv/route";
import { GET as minerLedger } from "@/app/api/v1/miners/[minerId]/ledger.csv/route";
import { GET as miner } from "@/app/api/v1/miners/[minerId]/route";
import { GET as getSlots, PUT as putSlots } from "@/app/api/v1/wallets/[address]/boost-slots/route";
import { GET as walletDaily } from "@/app/api/v1/wallets/[address]/daily.csv/route";
import { GET as walletLedger } from "@/app/api/v1/wallets/[address]/ledger.csv/route";
import { GET as wallet } from "@/app/api/v1/wallets/[address]/route";
import { serverEnv } from "@/lib/env";
import { verifyAll } from "@/lib/server/verify/verify";
import { db, imageJob, llmJob, randomWallet, SECRET, signedRequest } from "../support/fixtures";
import { signInAs } from "../support/siwe";
import { hostileAccounts } from "./hostile/account-requests";
import { EXPORT_ROUTES, hostileExports } from "./hostile/export-requests";
import { hostileIngest } from "./hostile/ingest-requests";
import { validJob, type JobObject } from "./hostile/jobs";
import { hostileReads } from "./hostile/query-requests";
import { expectRefusal, StatusTally, toRequest, type Handler, type HostileRequest } from "./hostile/requests";
import { snapshot } from "./support/snapshot";

const HANDLERS: Record<string, Handler> = {
  "POST /api/v1/jobs": ingest,
  "GET /api/v1/estimate": estimate,
  "GET /api/v1/miners/{id}": miner,
  "GET /api/v1/wallets/{address}": wallet,
  "GET /api/v1/leaderboard": leaderboard,
  "GET /api/v1/gpus": gpus,
  "GET /api/v1/miners/{id}/daily.csv": minerDaily,
  "GET /api/v1/miners/{id}/ledger.csv": minerLedger,
  "GET /api/v1/wallets/{address}/daily.csv": walletDaily,
  "GET /api/v1/wallets/{address}/ledger.csv": walletLedger,
  "GET /api/v1/wallets/{address}/boost-slots": getSlots,
  "PUT /api/v1/wallets/{address}/boost-slots": putSlots,
  "GET /api/v1/auth/session": session,
  "POST /api/v1/auth/verify": verify,
};

// fast-check picks a new seed per run and prints seed and path on a failure; FC_SEED=<seed> replays.
if (process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED) });

const tally = new StatusTally();
const HOST = "portal.test";

type Expectation = (r: HostileRequest, res: Response) => Promise<void>;

async function send(r: HostileRequest, expectAnswer: Expectation): Promise<void> {
  const res = await HANDLERS[r.api]!(toRequest(r, `http://${HOST}`), { params: Promise.resolve(r.params ?? {}) } as never);
  tally.add(r.api, res.status);
  await expectAnswer(r, res);
}

/** A cookie that is not a live session reads as a visitor: 200 `{ signedIn: false }`, not an error. */
async function expectVisitor(r: HostileRequest, res: Response): Promise<void> {
  const where = `${r.kind}: ${JSON.stringify(r.headers)} → ${res.status}`;
  expect(res.status, where).toBe(200);
  expect(await res.json(), where).toEqual({ signedIn: false });
}

/** `runs` requests from `arb`, then proof that none of them wrote anything. */
async function hammer(arb: fc.Arbitrary<HostileRequest | Promise<HostileRequest>>, runs: number, expectAnswer: Expectation = expectRefusal): Promise<void> {
  const before = await snapshot(db());
  await fc.assert(
    fc.asyncProperty(arb, async (r) => send(await r, expectAnswer)),
    { numRuns: runs },
  );
  expect(await snapshot(db())).toEqual(before);
}

async function signIn(key: `0x${string}`): Promise<string> {
  const { res } = await signInAs(privateKeyToAccount(key));
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith("heurist_session="))!
    .split(";")[0]!;
}

const known = randomWallet();
const stored: JobObject[] = [
  imageJob({ miner_id: `${known}-rig`, completed_at: new Date(Date.now() - 3_600_000).toISOString() }),
  llmJob({ miner_id: `${known}-rig`, completed_at: new Date(Date.now() - 7_200_000).toISOString() }),
];
const ownerKey = `0x${"5a".repeat(32)}` as const;
let reads: ReturnType<typeof hostileReads>;
let accounts: ReturnType<typeof hostileAccounts>;
const ingestArbs = hostileIngest({ secret: SECRET, maxSkewSeconds: serverEnv().INGEST_MAX_SKEW_SECONDS, stored });

beforeAll(async () => {
  const owner = privateKeyToAccount(ownerKey).address.toLowerCase();
  const res = await ingest(signedRequest({ jobs: [...stored, imageJob({ miner_id: `${owner}-own` })] }));
  expect(res.status).toBe(200);
  reads = hostileReads({ minerId: `${known}-rig`, wallet: known });
  accounts = hostileAccounts({ owner, ownerCookie: await signIn(ownerKey), strangerCookie: await signIn(`0x${"a7".repeat(32)}`), host: HOST });
});

afterAll(() => {
  console.log(`\nBad input: ${tally.total.toLocaleString("en-US")} generated requests, status codes per API:\n\n${tally.table()}\n`);
});

describe("POST /api/v1/jobs refuses hostile batches and writes nothing", () => {
  // Control: the batches the 401 cases carry are valid, so only the signature can stop them.
  test("the generators' valid jobs are accepted when correctly signed", async () => {
    const jobs = fc.sample(validJob, 20);
    const res = await ingest(signedRequest({ jobs }));
    expect(res.status).toBe(200);
    expect((await res.json()).accepted).toBe(20);
  });

  test("valid batches with missing, stale, future, mangled or foreign signatures: 401", () => hammer(ingestArbs.auth, 1_000));
  test("wrong content types and oversize bodies: 413/415", () => hammer(ingestArbs.transport, 300));
  test("bodies that are not JSON or not {jobs: [...]}: 400/422", () => hammer(ingestArbs.body, 1_000));
  test("batches with an invalid job among valid ones, or a conflicting resend: 409/422", () => hammer(ingestArbs.jobs, 2_500));
});

describe("GET /api/v1/estimate and the read APIs refuse bad parameters", () => {
  test("estimate: unknown model or schedule, numbers out of range, wrong shape, unknown parameters", () => hammer(reads.estimate, 2_000));
  test("miners/{id}: bad IDs, unknown miners, bad days", () => hammer(reads.miners, 500));
  test("wallets/{address}: bad addresses, unknown wallets, bad paging, sorting and search", () => hammer(reads.wallets, 800));
  test("leaderboard and gpus: bad type, window and paging", async () => {
    await hammer(reads.leaderboard, 400);
    await hammer(reads.gpus, 200);
  });
  test.each(EXPORT_ROUTES)("$api: malformed, reversed or too long ranges, bad or unknown IDs answer JSON", (route) =>
    hammer(hostileExports(route, { minerId: `${known}-rig`, wallet: known }), 250),
  );
});

describe("account routes refuse forged sessions and bodies", () => {
  test("boost slots: bad addresses, no or bogus session, another wallet's session, bad or foreign miner IDs", () => hammer(accounts.boostSlots, 600));
  test("session: bogus cookies read as not signed in", () => hammer(accounts.session, 100, expectVisitor));
  test("sign-in: garbage, forged messages, real signatures over unissued nonces", () => hammer(accounts.signIn, 400));
});

test("after the whole hostile run, verify finds the ledger and every rollup intact", async () => {
  const checks = await verifyAll(db());
  expect(checks.filter((c) => c.mismatches > 0)).toEqual([]);
});

test("at least 10,000 requests were generated, and none got a 5xx", () => {
  expect(tally.total).toBeGreaterThanOrEqual(10_000);
  const fiveXx = [...tally.byApi.values()].flatMap((m) => [...m].filter(([status]) => status >= 500));
  expect(fiveXx).toEqual([]);
});
