import { MICRO, assertSafeInteger, bigintToSafeNumber } from "./units";

/** Input and output tokens count alike, as in common LLM API pricing the sources cite. */
export const TOKENS_PER_POINT = 1000;

/** Base Llama Points in micro-points: (input + output) / 1000 points, exact (1 token = 1000 micro). */
export function llamaBaseMicro(inputTokens: number, outputTokens: number): number {
  assertSafeInteger(inputTokens, "inputTokens", { min: 0 });
  assertSafeInteger(outputTokens, "outputTokens", { min: 0 });
  const microPerToken = MICRO / TOKENS_PER_POINT;
  return bigintToSafeNumber((BigInt(inputTokens) + BigInt(outputTokens)) * BigInt(microPerToken), "Llama base points");
}
