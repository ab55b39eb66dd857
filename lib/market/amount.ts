// What a staker types into an amount or bribe field, checked before anything is sent to a wallet.
import { formatUnits, parseUnits } from "viem";

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const DECIMAL = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/;

/** "1,000.5" HEU → wei. Commas, spaces and underscores are ignored; at most 18 decimals. */
export function parseTokenAmount(input: string): Parsed<bigint> {
  const s = input.replace(/[,_\s]/g, "");
  if (s === "") return { ok: false, reason: "Enter an amount." };
  const m = DECIMAL.exec(s);
  if (!m) return { ok: false, reason: "Enter a number, like 1000 or 2500.5." };
  const decimals = m[2] ?? m[3] ?? "";
  if (decimals.length > 18) return { ok: false, reason: "At most 18 decimals." };
  const wei = parseUnits(s.startsWith(".") ? `0${s}` : s.endsWith(".") ? s.slice(0, -1) : s, 18);
  if (wei === 0n) return { ok: false, reason: "Enter an amount above zero." };
  return { ok: true, value: wei };
}

/** "12.5" % → 1250 basis points (0–100 %, at most two decimals). */
export function parseBribePercent(input: string): Parsed<number> {
  const s = input.replace(/[%\s]/g, "");
  if (s === "") return { ok: false, reason: "Enter a bribe between 0 and 100 %." };
  const m = DECIMAL.exec(s);
  if (!m) return { ok: false, reason: "Enter a number, like 10 or 12.5." };
  if ((m[2] ?? m[3] ?? "").length > 2) return { ok: false, reason: "At most two decimals (basis points)." };
  const bps = Math.round(Number(s) * 100);
  if (bps > 10_000) return { ok: false, reason: "A bribe is at most 100 %." };
  return { ok: true, value: bps };
}

const grouped = (digits: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits });

/** wei → "12,345.6789" (display only; rounds to `digits` decimals). */
export function formatTokenAmount(wei: bigint, digits = 4): string {
  const whole = wei / 10n ** 18n;
  const fraction = Number(formatUnits(wei % 10n ** 18n, 18));
  if (whole > BigInt(Number.MAX_SAFE_INTEGER)) return `${grouped(0).format(whole)}`;
  return grouped(digits).format(Number(whole) + fraction);
}

/** Basis points as "12.5 %". */
export function formatBps(bps: number): string {
  return `${grouped(2).format(bps / 100)} %`;
}
