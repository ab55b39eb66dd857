// Hostile CSV export requests: malformed dates, reversed or too long ranges, bad or unknown IDs.
// A refused export must answer JSON, not a CSV that starts streaming and then breaks.
import fc from "fast-check";
import { MAX_DAILY_DAYS, MAX_LEDGER_DAYS, MAX_WALLET_LEDGER_DAYS } from "@/lib/dashboard/export-range";
import type { ReadContext } from "./query-requests";
import type { HostileRequest } from "./requests";
import { badAddress, badMinerId, hostileString, walletAddress } from "./values";

const DAY_MS = 86_400_000;

export interface ExportRoute {
  api: string;
  /** "miner" routes take {minerId}, "wallet" routes {address}. */
  owner: "miner" | "wallet";
  file: "daily.csv" | "ledger.csv";
  maxDays: number;
}

export const EXPORT_ROUTES: readonly ExportRoute[] = [
  { api: "GET /api/v1/miners/{id}/daily.csv", owner: "miner", file: "daily.csv", maxDays: MAX_DAILY_DAYS },
  { api: "GET /api/v1/miners/{id}/ledger.csv", owner: "miner", file: "ledger.csv", maxDays: MAX_LEDGER_DAYS },
  { api: "GET /api/v1/wallets/{address}/daily.csv", owner: "wallet", file: "daily.csv", maxDays: MAX_DAILY_DAYS },
  { api: "GET /api/v1/wallets/{address}/ledger.csv", owner: "wallet", file: "ledger.csv", maxDays: MAX_WALLET_LEDGER_DAYS },
];

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A UTC day between 2000 and 2100. */
const someDay = fc.integer({ min: Date.UTC(2000, 0, 1) / DAY_MS, max: Date.UTC(2100, 0, 1) / DAY_MS }).map((d) => d * DAY_MS);

/** Text that is not a YYYY-MM-DD calendar date. */
const notADate = fc.oneof(
  hostileString.filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
  fc.constantFrom("2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-9-1", "20240901", "2024-09-01T00:00:00Z", "+02024-09-01"),
);

type Range = Record<string, string>;

function badRange(maxDays: number): fc.Arbitrary<{ kind: string; range: Range }> {
  return fc.oneof(
    fc.tuple(fc.constantFrom("from", "to"), notADate).map(([k, v]) => ({ kind: `bad-${k}`, range: { [k]: v } })),
    fc.tuple(notADate, notADate).map(([from, to]) => ({ kind: "bad-both", range: { from, to } })),
    fc.tuple(someDay, fc.integer({ min: 1, max: 5000 })).map(([to, back]) => ({ kind: "from-after-to", range: { from: day(to + back * DAY_MS), to: day(to) } })),
    fc.tuple(someDay, fc.integer({ min: maxDays, max: 40_000 })).map(([to, span]) => ({ kind: "too-long", range: { from: day(to - span * DAY_MS), to: day(to) } })),
    fc.integer({ min: 2, max: 5000 }).map((ahead) => ({ kind: "from-in-future", range: { from: day(Date.now() + ahead * DAY_MS) } })),
  );
}

function request(route: ExportRoute, kind: string, id: string, range: Range): HostileRequest {
  const key = route.owner === "miner" ? "minerId" : "address";
  const qs = new URLSearchParams(range).toString();
  const base = `/api/v1/${route.owner === "miner" ? "miners" : "wallets"}/${encodeURIComponent(id)}/${route.file}`;
  return { api: route.api, kind: `export/${kind}`, method: "GET", path: qs ? `${base}?${qs}` : base, params: { [key]: id } };
}

/** Requests for one export route: a bad range on a known owner, a bad ID, or an unknown owner. */
export function hostileExports(route: ExportRoute, ctx: ReadContext): fc.Arbitrary<HostileRequest> {
  const known = route.owner === "miner" ? ctx.minerId : ctx.wallet;
  const badId = route.owner === "miner" ? badMinerId : badAddress;
  const unknown = route.owner === "miner" ? walletAddress.map((w) => `${w}-nobody`) : walletAddress;
  return fc.oneof(
    { arbitrary: badRange(route.maxDays).map(({ kind, range }) => request(route, kind, known, range)), weight: 4 },
    { arbitrary: badId.map((id) => request(route, "bad-id", id, {})), weight: 1 },
    { arbitrary: unknown.map((id) => request(route, "unknown-owner", id, {})), weight: 1 },
  );
}
