// Display formatting shared by server and client components. Fixed "en-US" so the server render and
// the browser's hydration agree; numbers are formatted for display only, never for sums.
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

export function formatInt(n: number): string {
  return integer.format(n);
}

/** Points with up to `digits` decimals (trailing zeros dropped): 8.325, 26,307.7. */
export function formatPoints(points: number, digits = 2): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }).format(points);
}

const significant = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });

/** Rates to 3 significant digits (12.4 per hour, 298 per day, 0.0463 jobs an hour): never 0 for a real rate. */
export function formatRate(n: number): string {
  return significant.format(n);
}

export function formatCompact(n: number): string {
  return compact.format(n);
}

export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? "–" : percent.format(ratio);
}

/**
 * A yield or rate in % a year with enough digits that a real rate never reads 0: two significant
 * digits below 1 % ("0.47 %", "0.0031 %"), one decimal above ("3.3 %").
 */
export function formatYieldPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "–";
  const pct = ratio * 100;
  if (pct === 0) return "0 %";
  const digits = Math.abs(pct) >= 1 ? { maximumFractionDigits: 1 } : { maximumSignificantDigits: 2 };
  return `${new Intl.NumberFormat("en-US", digits).format(pct)} %`;
}

/** Multipliers as "×1.25". */
export function formatMultiplier(m: number): string {
  return `×${new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }).format(m)}`;
}

/** 0xa230…a091, or a miner ID's wallet part shortened and its tag kept: 0xa230…a091-4090rig. */
export function shortId(id: string): string {
  const [wallet, ...tag] = id.split("-");
  const short = wallet && wallet.length > 12 ? `${wallet.slice(0, 6)}…${wallet.slice(-4)}` : (wallet ?? id);
  return tag.length ? `${short}-${tag.join("-")}` : short;
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

/** A count with its noun, singular for exactly one: "1 job", "2 jobs", "1,204 device-days". */
export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${integer.format(n)} ${n === 1 ? singular : plural}`;
}

/** "29 d 23 h", "4 h 12 min", "35 s": the time left until `toMs`, from `nowMs`; null once reached. */
export function formatRemaining(toMs: number, nowMs: number): string | null {
  const s = Math.floor((toMs - nowMs) / 1000);
  if (s <= 0) return null;
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s % 60} s`;
  return `${s} s`;
}
