import { deepFreeze } from "./deep-freeze";
import type { ImageBounds, LlmBounds, PlausibilityBounds } from "./plausibility";

// Published plausibility bounds. NEVER edit a table that has priced jobs: add one with a later
// `effectiveFrom` (and the schedule it comes with) instead. plausibility.test.ts pins each
// table's fingerprint. The numbers and why they are what they are: docs/decisions/0011-plausibility-bounds.md.

/**
 * Images: at most 2048×2048 pixels (4 megapixels, four times SDXL's native 1024²) and 150 steps
 * (the most that common Stable Diffusion UIs offer); no faster than 10 ms per megapixel-step for
 * SD 1.5 and SDXL, 40 ms for Flux. A tuned H100 needs roughly 35–50 ms per megapixel-step on SDXL
 * and well over 100 on Flux, so the floor sits several times below the fastest real card.
 */
const IMAGE_2024_04 = (minMsPerMegapixelStep: number): ImageBounds => ({
  maxPixels: 2048 * 2048,
  maxSteps: 150,
  minMsPerMegapixelStep,
});

/**
 * LLMs: at most the model's context window (as it can be served) in input + output tokens; no faster than 10 ms per
 * 1,000 prompt tokens (100,000 tokens/s of prefill, above an H100's compute bound for an 8B model)
 * and 500 ms per 1,000 generated tokens (2,000 tokens/s from one stream, 5–10× an H100's decode).
 */
const LLM_2024_04 = (maxTokens: number): LlmBounds => ({
  maxTokens,
  minMsPer1kInputTokens: 10,
  minMsPer1kOutputTokens: 500,
});

const PLAUSIBILITY_2024_04: PlausibilityBounds = {
  id: "plausibility-2024-04",
  // From the first schedule on: a job is judged by the bounds in force when its schedule began,
  // so backdating a job to an early schedule does not escape them.
  effectiveFrom: "2024-04-01T00:00:00Z",
  image: {
    sd15: IMAGE_2024_04(10),
    sdxl: IMAGE_2024_04(10),
    "sdxl-lora": IMAGE_2024_04(10),
    flux: IMAGE_2024_04(40),
  },
  llm: {
    "mixtral-8x7b": LLM_2024_04(32_768),
    "openhermes-mixtral-8x7b-gptq": LLM_2024_04(32_768),
    // Llama 3's native window is 8,192; RoPE scaling serves it up to 4× that.
    "dolphin-2.9-llama3-8b": LLM_2024_04(32_768),
    "hermes-3-llama3.1-8b": LLM_2024_04(131_072),
    "theia-llama-3.1-8b": LLM_2024_04(131_072),
  },
};

export const PUBLISHED_PLAUSIBILITY_BOUNDS: readonly PlausibilityBounds[] = deepFreeze([PLAUSIBILITY_2024_04]);
