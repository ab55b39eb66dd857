import { PointsError } from "./errors";

/** Points are stored as integer micro-points: 1 point = 1_000_000 micro. */
export const MICRO = 1_000_000;
/** Multipliers are integers in parts per million: 1.0 = 1_000_000 ppm. */
export const PPM = 1_000_000;

const MICRO_N = BigInt(MICRO);
const PPM_N = BigInt(PPM);
const MAX_SAFE_N = BigInt(Number.MAX_SAFE_INTEGER);

export function assertSafeInteger(value: number, name: string, { min = -Infinity } = {}): void {
  if (!Number.isSafeInteger(value) || value < min) {
    const bound = min === -Infinity ? "" : min === 0 ? " ≥ 0" : ` ≥ ${min}`;
    throw new PointsError(`${name} must be a safe integer${bound}, got ${String(value)}.`);
  }
}

/**
 * Integer division rounding half away from zero (= half up for the non-negative amounts that
 * jobs earn). Symmetric so that a reversing entry (-x) rounds to exactly minus the original.
 */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new PointsError("Denominator must be positive.");
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

export function bigintToSafeNumber(value: bigint, what: string): number {
  if (value > MAX_SAFE_N || value < -MAX_SAFE_N) {
    throw new PointsError(`${what} is out of the safe integer range: ${value.toString()}.`);
  }
  return Number(value);
}

/** For display and charts only; sums must stay in micro-points. */
export function microToPoints(micro: number | bigint): number {
  if (typeof micro === "bigint") return Number(micro) / MICRO;
  if (!Number.isFinite(micro)) throw new PointsError(`micro-points must be finite, got ${micro}.`);
  return micro / MICRO;
}

/**
 * Converts through the number's shortest decimal form ("1.0000005") rather than `points * 1e6`,
 * which can land on 1000000.4999… and round the wrong way.
 */
export function pointsToMicro(points: number): number {
  if (!Number.isFinite(points)) throw new PointsError(`points must be finite, got ${points}.`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(points));
  if (!match) throw new PointsError(`Cannot convert ${points} to micro-points.`);
  const [, sign = "", whole = "", fraction = "", exponent = "0"] = match;
  const digits = BigInt(whole + fraction);
  // value = digits × 10^(exponent − fraction.length); micro = value × 10^6.
  const shift = Number(exponent) - fraction.length + 6;
  const micro = shift >= 0 ? digits * 10n ** BigInt(shift) : divRoundHalfUp(digits, 10n ** BigInt(-shift));
  return bigintToSafeNumber(sign === "-" ? -micro : micro, "micro-points");
}

/**
 * Exact `baseMicro × Π(factor / 1e6)`, rounded once at the end. Floats would drift (1.1 is not
 * representable) and rounding after each factor would make the result depend on factor order.
 */
export function multiplyMicro(baseMicro: number, ...factorsPpm: number[]): number {
  assertSafeInteger(baseMicro, "baseMicro");
  let numerator = BigInt(baseMicro);
  let denominator = 1n;
  for (const factor of factorsPpm) {
    assertSafeInteger(factor, "multiplier (ppm)", { min: 0 });
    numerator *= BigInt(factor);
    denominator *= PPM_N;
  }
  return bigintToSafeNumber(divRoundHalfUp(numerator, denominator), "points (micro)");
}

export function ppmToNumber(ppm: number): number {
  return ppm / PPM;
}

/**
 * Locale-independent on purpose: server-rendered and browser-rendered numbers must match
 * byte for byte, or React hydration complains.
 */
export function formatPoints(micro: number | bigint, digits = 2): string {
  if (!Number.isInteger(digits) || digits < 0 || digits > 6) {
    throw new PointsError(`digits must be an integer from 0 to 6, got ${digits}.`);
  }
  if (typeof micro === "number") assertSafeInteger(micro, "micro-points");
  const value = BigInt(micro);
  const scale = 10n ** BigInt(digits);
  const abs = divRoundHalfUp((value < 0n ? -value : value) * scale, MICRO_N);
  const whole = (abs / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = digits > 0 ? "." + (abs % scale).toString().padStart(digits, "0") : "";
  return (value < 0n && abs > 0n ? "-" : "") + whole + fraction;
}
