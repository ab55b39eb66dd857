// The market page's URL: the API's query (lib/schemas/market.ts) plus the open staking panel and
// the nodes being compared. Parsed leniently, one parameter at a time: a bad value is dropped (and
// reported, so the page can say so) rather than failing a shared or hand-edited link.
import { DEFAULT_ORDER, DEFAULT_STAKE_HEU, marketQuerySchema, type MarketQuery } from "@/lib/schemas/market";

export { DEFAULT_STAKE_HEU };
export const MAX_COMPARE = 4;
const MINER_ID = /^0x[a-fA-F0-9]{40}(-[A-Za-z0-9_]+)?$/;

export interface MarketParams extends MarketQuery {
  /** The node whose staking panel is open (a miner ID, lowercased); "" for none. */
  node: string;
  /** Nodes side by side, at most 4, in the order they were added. */
  compare: string[];
  /** Parameters that were present but invalid, and dropped. */
  ignored: string[];
}

type Raw = Readonly<Record<string, string | readonly string[] | undefined>>;

const one = (value: string | readonly string[] | undefined) => (value === undefined || typeof value === "string" ? value : value[0]);

const QUERY_KEYS = Object.keys(marketQuerySchema.shape) as (keyof typeof marketQuerySchema.shape)[];

export function parseMarketParams(raw: Raw): MarketParams {
  const ignored: string[] = [];
  const input: Record<string, string> = {};
  for (const key of QUERY_KEYS) {
    const v = one(raw[key])?.trim();
    if (v === undefined || v === "") continue;
    // Amounts as people type them: "50,000".
    const value = key === "stake" || key === "maxStake" ? v.replace(/[,_\s]/g, "") : v;
    if (marketQuerySchema.shape[key].safeParse(value).success) input[key] = value;
    else ignored.push(key);
  }
  const query = marketQuerySchema.parse(input);
  const ids = (one(raw.compare) ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => MINER_ID.test(s));
  const node = one(raw.node)?.trim() ?? "";
  return { ...query, node: MINER_ID.test(node) ? node.toLowerCase() : "", compare: [...new Set(ids)].slice(0, MAX_COMPARE), ignored };
}

/** The params as a URL query object, defaults left out so links stay short. */
export function marketQuery(p: Omit<MarketParams, "ignored">): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.q) out.q = p.q;
  if (p.gpu) out.gpu = p.gpu;
  if (p.minBribe !== undefined) out.minBribe = String(p.minBribe);
  if (p.minUptime7d !== undefined) out.minUptime7d = String(p.minUptime7d);
  if (p.maxStake !== undefined) out.maxStake = String(p.maxStake);
  if (p.noRecentCut) out.noRecentCut = "1";
  if (p.new) out.new = "1";
  if (p.sort !== "yield") out.sort = p.sort;
  if (p.order && p.order !== DEFAULT_ORDER[p.sort]) out.order = p.order;
  if (p.stake !== DEFAULT_STAKE_HEU) out.stake = String(p.stake);
  if (p.page !== 1) out.page = String(p.page);
  if (p.pageSize !== 50) out.pageSize = String(p.pageSize);
  if (p.node) out.node = p.node;
  if (p.compare.length) out.compare = p.compare.join(",");
  return out;
}

/** The API's own parameters of the page's state (for /api/v1/market and market.csv links). */
export function apiQuery(p: MarketParams): Record<string, string> {
  const { node: _n, compare: _c, ...rest } = marketQuery(p);
  void _n;
  void _c;
  return rest;
}

export function marketHref(p: MarketParams, change: Partial<MarketParams> = {}, hash = ""): string {
  const qs = new URLSearchParams(marketQuery({ ...p, ...change })).toString();
  return `/market${qs ? `?${qs}` : ""}${hash}`;
}
