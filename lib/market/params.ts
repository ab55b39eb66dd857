// Search params of /market, parsed leniently: a bad value falls back to its default so a shared
// or hand-edited link never errors.

export const MARKET_SORTS = ["points", "uptime", "stake", "latency", "id"] as const;
export type MarketSort = (typeof MARKET_SORTS)[number];

export const MARKET_PAGE_SIZE = 50;
export const DEFAULT_STAKE_HEU = 10_000;
const MAX_STAKE_HEU = 1_000_000_000;
const MINER_ID = /^0x[a-fA-F0-9]{40}(-[A-Za-z0-9_]+)?$/;

export interface MarketParams {
  /** Miner ID or wallet fragment, lowercased; "" for none. */
  q: string;
  /** Exact GPU model name; "" for all. */
  hardware: string;
  sort: MarketSort;
  /** Only nodes with a job in the last 7 days. */
  activeOnly: boolean;
  page: number;
  /** The stake the visitor plans (P), stHEU. */
  stakeHeu: number;
  /** The node whose staking panel is open (a miner ID, lowercased); "" for none. */
  node: string;
}

type Raw = Readonly<Record<string, string | readonly string[] | undefined>>;

function one(value: string | readonly string[] | undefined): string | undefined {
  return value === undefined || typeof value === "string" ? value : value[0];
}

function num(value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value.replace(/[,_\s]/g, ""));
  return Number.isFinite(n) && n >= min && n <= max ? n : fallback;
}

export function parseMarketParams(raw: Raw): MarketParams {
  const sort = one(raw.sort);
  const page = num(one(raw.page), 1, 1_000_000, 1);
  return {
    q: (one(raw.q) ?? "").trim().toLowerCase().slice(0, 120),
    hardware: (one(raw.hw) ?? "").trim().slice(0, 100),
    sort: (MARKET_SORTS as readonly string[]).includes(sort ?? "") ? (sort as MarketSort) : "points",
    activeOnly: one(raw.active) !== "0",
    page: Math.floor(page),
    stakeHeu: num(one(raw.stake), 0, MAX_STAKE_HEU, DEFAULT_STAKE_HEU),
    node: MINER_ID.test(one(raw.node)?.trim() ?? "") ? one(raw.node)!.trim().toLowerCase() : "",
  };
}

/** The params as a URL query object, defaults left out so links stay short. */
export function marketQuery(p: MarketParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.q) out.q = p.q;
  if (p.hardware) out.hw = p.hardware;
  if (p.sort !== "points") out.sort = p.sort;
  if (!p.activeOnly) out.active = "0";
  if (p.page !== 1) out.page = String(p.page);
  if (p.stakeHeu !== DEFAULT_STAKE_HEU) out.stake = String(p.stakeHeu);
  if (p.node) out.node = p.node;
  return out;
}
