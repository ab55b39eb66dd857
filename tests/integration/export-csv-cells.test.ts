// CSV cells through the real export routes (issue 9): text a sender controls (job ids may start with
// "-" and a digit, which the old guard took for a number: "-1-A1-…" reached a spreadsheet as a
// formula) is neutralised with a leading ', while numeric columns stay plain numbers, including the
// negative points of an admin's slash.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { POST as ingestRoute } from "@/app/api/v1/jobs/route";
import { POST as slashRoute } from "@/app/api/v1/admin/slashes/route";
import { GET as minerDaily } from "@/app/api/v1/miners/[minerId]/daily.csv/route";
import { GET as minerLedger } from "@/app/api/v1/miners/[minerId]/ledger.csv/route";
import { GET as walletLedger } from "@/app/api/v1/wallets/[address]/ledger.csv/route";
import { db, foldNow, imageJob, randomWallet, signedRequest } from "../support/fixtures";
import { admin, adminRequest, signInCookie } from "./admin-session";

vi.hoisted(() => {
  process.env.ADMIN_ADDRESSES = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
});

/** The cells of a CSV as written (quotes kept), split on the commas and CRLFs outside quotes. */
function rawCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && ch === "\r" && text[i + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  expect(cell).toBe("");
  return rows;
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
async function csvOf<P>(handler: Handler<P>, path: string, params: P): Promise<{ header: string[]; rows: string[][] }> {
  const res = await handler(new Request(`http://portal.test${path}`), { params: Promise.resolve(params) });
  expect(res.status).toBe(200);
  const [header, ...rows] = rawCells(await res.text());
  return { header: header!, rows };
}

const W = randomWallet();
const M = `${W}-csv`;
const SUFFIX = W.slice(2, 10);
// Job ids may hold letters, digits and _ . : - ; these start like a number or a formula.
const IDS = [`-1-A1-${SUFFIX}`, `-2-${SUFFIX}`, `-1.5e3-${SUFFIX}`, `-0:0-${SUFFIX}`];
const FROM = "2024-09-05T00:00:00Z";
const TO = "2024-09-05T06:00:00Z";
let slashDay = "";

beforeAll(async () => {
  const jobs = IDS.map((job_id, i) => imageJob({ miner_id: M, job_id, completed_at: `2024-09-05T0${i}:00:00Z` }));
  const res = await ingestRoute(signedRequest({ jobs }));
  expect(res.status).toBe(200);
  await foldNow();
  const cookie = await signInCookie(admin);
  const slash = await slashRoute(adminRequest("/api/v1/admin/slashes", { cookie, body: { minerId: M, from: FROM, to: TO, reason: "Copied outputs, see ticket 7" } }));
  expect(slash.status).toBe(200);
  await foldNow(); // what the worker's folder does within a second (decision 0024)
  const { rows } = await db().query<{ day: string }>(
    "SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM ledger_entries WHERE miner_id = $1 AND kind = 'slash'",
    [M],
  );
  slashDay = rows[0]!.day;
});

describe("CSV cells through the export routes", () => {
  test("ledger.csv: job ids starting with - are text with a leading '; points, multipliers and counts are plain numbers", async () => {
    const { header, rows } = await csvOf(minerLedger, `/api/v1/miners/${M}/ledger.csv?from=2024-09-05&to=2024-09-05`, { minerId: M });
    const at = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.map((r) => at(r, "job_id"))).toEqual(IDS.map((id) => `"'${id}"`));
    for (const r of rows) {
      expect([at(r, "points"), at(r, "base_points"), at(r, "nft_multiplier"), at(r, "nft_count"), at(r, "width"), at(r, "latency_s")]).toEqual(["6", "6", "1", "0", "1024", "4.2"]);
    }
  });

  test("the wallet's ledger.csv writes the same cells", async () => {
    const { header, rows } = await csvOf(walletLedger, `/api/v1/wallets/${W}/ledger.csv?from=2024-09-05&to=2024-09-05`, { address: W });
    expect(rows.map((r) => r[header.indexOf("job_id")])).toEqual(IDS.map((id) => `"'${id}"`));
  });

  test("a slash's negative points stay plain numbers, in the ledger and in the daily totals", async () => {
    const ledger = await csvOf(minerLedger, `/api/v1/miners/${M}/ledger.csv?from=${slashDay}&to=${slashDay}`, { minerId: M });
    const at = (row: string[], name: string) => row[ledger.header.indexOf(name)];
    expect(ledger.rows.map((r) => [at(r, "kind"), at(r, "job_id"), at(r, "points"), at(r, "base_points")])).toEqual([["slash", "", "-24", "-24"]]);
    expect(at(ledger.rows[0]!, "note")).toMatch(/^"Slash #\d+: 100 % of the points in \[.*\)\. Copied outputs, see ticket 7"$/);

    const daily = await csvOf(minerDaily, `/api/v1/miners/${M}/daily.csv?from=${slashDay}&to=${slashDay}`, { minerId: M });
    expect(daily.rows).toEqual([[slashDay, "-24", "0", "0", "0", "0", "0", ""]]);
  });
});
