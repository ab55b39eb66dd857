import { formatTokenAmount, parseTokenAmount, type Parsed } from "@/lib/market/amount";

/** The typed amount parsed and held to `max` (null while the field is empty). */
export function parseWithin(value: string, max: bigint, what: string): Parsed<bigint> | null {
  if (value.trim() === "") return null;
  const parsed = parseTokenAmount(value);
  if (parsed.ok && parsed.value > max) return { ok: false, reason: `More than ${what} (${formatTokenAmount(max)}).` };
  return parsed;
}
