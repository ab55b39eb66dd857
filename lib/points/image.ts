import { MICRO, assertSafeInteger, bigintToSafeNumber, divRoundHalfUp } from "./units";

/** Anti-spam floor: smaller or shorter jobs earn nothing. */
export const MIN_PIXELS = 512 * 512;
export const MIN_STEPS = 20;

// p(x) = 1 + 5·(x − 262144)/786432 is the line through (512², 1) and (1024², 6): benchmarks put
// 1024² at 5.4–6.9× the time of 512² depending on the GPU, and the sources picked 6.
const PIXEL_SPAN = 1024 * 1024 - MIN_PIXELS; // 786432
const PIXEL_RISE = 6 - 1;

/**
 * Base Waifu Points (before the category multiplier) in micro-points:
 * p(x) · y / 20, with x = width × height and y = sampling steps, exact and rounded half up once.
 */
export function waifuBaseMicro(width: number, height: number, steps: number): number {
  assertSafeInteger(width, "width", { min: 1 });
  assertSafeInteger(height, "height", { min: 1 });
  assertSafeInteger(steps, "steps", { min: 1 });
  const pixels = BigInt(width) * BigInt(height);
  if (pixels < BigInt(MIN_PIXELS) || steps < MIN_STEPS) return 0;

  // p(x) = (PIXEL_SPAN + RISE·(x − MIN)) / PIXEL_SPAN, all integers until the one division.
  const pixelNumerator = BigInt(PIXEL_SPAN) + BigInt(PIXEL_RISE) * (pixels - BigInt(MIN_PIXELS));
  const numerator = BigInt(MICRO) * pixelNumerator * BigInt(steps);
  const denominator = BigInt(PIXEL_SPAN) * BigInt(MIN_STEPS);
  return bigintToSafeNumber(divRoundHalfUp(numerator, denominator), `Waifu base points of ${width}×${height}@${steps}`);
}
