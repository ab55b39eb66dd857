// Who may slash or reverse and what a slash request may say: without a session every admin route
// answers 401, a signed-in non-admin 403, a malformed or impossible slash 4xx, and none of them
// writes anything. What an accepted slash does: admin-slashes.test.ts.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { GET as listActions } from "@/app/api/v1/admin/actions/route";
import { GET as flagsRoute } from "@/app/api/v1/admin/flags/route";
import { POST as slashRoute } from "@/app/api/v1/admin/slashes/route";
import { count, randomWallet, tableCounts } from "../support/fixtures";
import { a, FROM, ingestWindowJobs, REASON, reverseAs, slashAs, TO, w1 } from "./admin-slash-fixture";
import { admin, adminRequest, signInCookie, stranger } from "./admin-session";

vi.hoisted(() => {
  process.env.ADMIN_ADDRESSES = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65, 0x0000000000000000000000000000000000000a11";
});

let cookie = "";
const slash = (body: unknown, c = cookie) => slashAs(c, body);
const reverse = (id: number, body: unknown, c: string) => reverseAs(c, id, body);

beforeAll(async () => {
  await ingestWindowJobs();
  cookie = await signInCookie(admin);
});

describe("admin slashes", () => {
  test("without a session every admin route answers 401, a signed-in non-admin 403, and nothing is written", async () => {
    const strangerCookie = await signInCookie(stranger);
    const body = { minerId: a, from: FROM, to: TO, reason: REASON };
    const before = { ...(await tableCounts()), admin_actions: await count("admin_actions") };
    for (const [c, status] of [
      ["", 401],
      [strangerCookie, 403],
    ] as const) {
      const answers = [
        await slash(body, c),
        await reverse(1, { reason: REASON }, c),
        await listActions(adminRequest("/api/v1/admin/actions", { cookie: c })),
        await flagsRoute(adminRequest("/api/v1/admin/flags?hours=24", { cookie: c })),
      ];
      for (const res of answers) {
        expect(res.status).toBe(status);
        expect((await res.json()).error.code).toBe(status === 401 ? "unauthorized" : "forbidden");
      }
    }
    expect({ ...(await tableCounts()), admin_actions: await count("admin_actions") }).toEqual(before);
  });

  test.each<[string, unknown, number, RegExp]>([
    ["both a miner ID and a wallet", { minerId: a, wallet: w1, from: FROM, to: TO, reason: REASON }, 422, /minerId: give exactly one of minerId or wallet/],
    ["neither", { from: FROM, to: TO, reason: REASON }, 422, /give exactly one/],
    ["from after to", { minerId: a, from: TO, to: FROM, reason: REASON }, 422, /to: to must be after from/],
    ["a window over 366 days", { minerId: a, from: "2025-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z", reason: REASON }, 422, /at most 366 days/],
    ["a window ending in the future", { minerId: a, from: FROM, to: new Date(Date.now() + 3_600_000).toISOString(), reason: REASON }, 422, /to: to must not be after now/],
    ["a date without a zone", { minerId: a, from: "2026-03-02T10:00:00", to: TO, reason: REASON }, 422, /from: from must be an ISO 8601 date-time with a zone/],
    ["fraction 0", { minerId: a, from: FROM, to: TO, fraction: 0, reason: REASON }, 422, /fraction must be > 0/],
    ["fraction above 1", { minerId: a, from: FROM, to: TO, fraction: 1.5, reason: REASON }, 422, /fraction must be ≤ 1/],
    ["fraction as a string", { minerId: a, from: FROM, to: TO, fraction: "0.5", reason: REASON }, 422, /fraction must be a number/],
    ["a reason too short to explain anything", { minerId: a, from: FROM, to: TO, reason: "cheater" }, 422, /at least 10 characters/],
    ["an unknown field", { minerId: a, from: FROM, to: TO, reason: REASON, points: 5 }, 422, /Unrecognized key/],
    ["a malformed miner ID", { minerId: "bob", from: FROM, to: TO, reason: REASON }, 422, /minerId: miner_id must be a wallet address/],
    ["a miner ID that never reported", { minerId: `${randomWallet()}-x`, from: FROM, to: TO, reason: REASON }, 404, /No miner ID .* has reported a job/],
    ["a window with no points in it", { minerId: a, from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z", reason: REASON }, 409, /Nothing to slash/],
    ["a body that is not JSON", "{not json", 400, /not valid JSON/],
  ])("refused, nothing written: %s", async (_name, body, status, message) => {
    const before = { ...(await tableCounts()), admin_actions: await count("admin_actions") };
    const res = await slash(body);
    expect(res.status).toBe(status);
    const json = await res.json();
    const details = ((json.error.details ?? []) as { field: string; reason: string }[]).map((i) => `${i.field}: ${i.reason}`).join("; ");
    expect(`${json.error.message} ${details}`).toMatch(message);
    expect({ ...(await tableCounts()), admin_actions: await count("admin_actions") }).toEqual(before);
  });

  test("a form post (not JSON) is refused with 415", async () => {
    const res = await slashRoute(adminRequest("/api/v1/admin/slashes", { cookie, body: "minerId=x", contentType: "application/x-www-form-urlencoded" }));
    expect(res.status).toBe(415);
  });
});
