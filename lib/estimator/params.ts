// The estimator's form state lives in the URL so an estimate can be shared. Parameter names and
// limits match GET /api/v1/estimate (plus `gpu`), so a shared link and an API call agree.
import { findModel, findSchedule } from "@/lib/points";
import { DEFAULT_GPU_KEY, findGpu } from "@/lib/gpu-catalog";

export const FIELDS = ["gpu", "model", "schedule", "width", "height", "steps", "input_tokens", "output_tokens", "nfts", "stake"] as const;
export type Field = (typeof FIELDS)[number];
export type NumberField = Exclude<Field, "gpu" | "model" | "schedule">;

/** What the visitor typed, verbatim, so a half-typed number is not rewritten under their cursor. */
export type EstimatorForm = Record<Field, string>;

export const LIMITS: Record<NumberField, { min: number; max: number; step: number; integer: boolean; inputMin?: number }> = {
  // The arrows step through multiples of 64 (the sizes diffusion models use), from a base of 64;
  // any size the API accepts can still be typed.
  width: { min: 1, max: 16_384, step: 64, integer: true, inputMin: 64 },
  height: { min: 1, max: 16_384, step: 64, integer: true, inputMin: 64 },
  steps: { min: 1, max: 1_000, step: 1, integer: true },
  input_tokens: { min: 0, max: 10_000_000, step: 100, integer: true },
  output_tokens: { min: 0, max: 10_000_000, step: 100, integer: true },
  nfts: { min: 0, max: 500, step: 1, integer: true },
  stake: { min: 0, max: 1e12, step: 1_000, integer: false },
};

/** Attributes for the field's <input type=number>. */
export function inputAttributes(key: NumberField): { min: number; max: number; step: number } {
  const { min, max, step, inputMin } = LIMITS[key];
  return { min: inputMin ?? min, max, step };
}

/** Common job sizes, offered as one-click presets. */
export const IMAGE_PRESETS = [
  { width: 512, height: 512 },
  { width: 768, height: 768 },
  { width: 1024, height: 1024 },
  { width: 832, height: 1216 },
  { width: 1216, height: 832 },
] as const;

const IMAGE_FIELDS = ["width", "height", "steps"] as const;
const LLM_FIELDS = ["input_tokens", "output_tokens"] as const;

export function defaultForm(scheduleId: string): EstimatorForm {
  return {
    gpu: DEFAULT_GPU_KEY,
    model: "SDXL",
    schedule: scheduleId,
    width: "1024",
    height: "1024",
    steps: "20",
    input_tokens: "500",
    output_tokens: "500",
    nfts: "0",
    stake: "0",
  };
}

type RawParams = Record<string, string | string[] | undefined>;

/** Known ids and numbers as typed; unknown GPU, model or schedule ids fall back to the defaults. */
export function formFromParams(params: RawParams, defaultScheduleId: string): EstimatorForm {
  const form = defaultForm(defaultScheduleId);
  const read = (key: Field) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 64);
  };
  const gpu = read("gpu");
  if (gpu && findGpu(gpu)) form.gpu = gpu;
  const model = read("model");
  if (model && findModel(model)) form.model = model;
  const schedule = read("schedule");
  if (schedule && findSchedule(schedule)) form.schedule = schedule;
  for (const key of Object.keys(LIMITS) as NumberField[]) {
    const value = read(key);
    if (value !== undefined && value !== "") form[key] = value;
  }
  return form;
}

/** The query string for a form: only the job-shape fields that apply to the model's kind. */
export function formToQuery(form: EstimatorForm): string {
  const kind = findModel(form.model)?.kind ?? "image";
  const skip = new Set<Field>(kind === "image" ? LLM_FIELDS : IMAGE_FIELDS);
  const params = new URLSearchParams();
  for (const key of FIELDS) if (!skip.has(key)) params.set(key, form[key]);
  return params.toString();
}

export interface EstimatorInput {
  gpu: string;
  modelId: string;
  scheduleId: string;
  image?: { width: number; height: number; steps: number };
  llm?: { inputTokens: number; outputTokens: number };
  nfts: number;
  stake: number;
}

export type ParsedForm = { ok: true; input: EstimatorInput } | { ok: false; errors: Partial<Record<Field, string>> };

const LABELS: Record<NumberField, string> = {
  width: "Width",
  height: "Height",
  steps: "Steps",
  input_tokens: "Input tokens",
  output_tokens: "Output tokens",
  nfts: "NFTs",
  stake: "Stake",
};

function parseNumber(key: NumberField, text: string): number | string {
  const { min, max, integer } = LIMITS[key];
  if (text.trim() === "") return `${LABELS[key]} is required.`;
  const value = Number(text);
  if (!Number.isFinite(value)) return `${LABELS[key]} must be a number.`;
  if (integer && !Number.isInteger(value)) return `${LABELS[key]} must be a whole number.`;
  if (value < min || value > max) return `${LABELS[key]} must be from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}.`;
  return value;
}

export function parseForm(form: EstimatorForm): ParsedForm {
  const model = findModel(form.model);
  const errors: Partial<Record<Field, string>> = {};
  if (!findGpu(form.gpu)) errors.gpu = "Pick a GPU from the list.";
  if (!model) errors.model = "Pick a model from the list.";
  if (!findSchedule(form.schedule)) errors.schedule = "Pick a reward schedule from the list.";
  const fields: NumberField[] = [...(model?.kind === "llm" ? LLM_FIELDS : IMAGE_FIELDS), "nfts", "stake"];
  const values: Partial<Record<NumberField, number>> = {};
  for (const key of fields) {
    const parsed = parseNumber(key, form[key]);
    if (typeof parsed === "string") errors[key] = parsed;
    else values[key] = parsed;
  }
  if (Object.keys(errors).length > 0 || !model) return { ok: false, errors };
  const v = values as Record<NumberField, number>;
  return {
    ok: true,
    input: {
      gpu: form.gpu,
      modelId: model.id,
      scheduleId: form.schedule,
      image: model.kind === "image" ? { width: v.width, height: v.height, steps: v.steps } : undefined,
      llm: model.kind === "llm" ? { inputTokens: v.input_tokens, outputTokens: v.output_tokens } : undefined,
      nfts: v.nfts,
      stake: v.stake,
    },
  };
}
