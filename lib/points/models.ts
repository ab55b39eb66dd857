import { lookupById } from "./by-id";
import { deepFreeze } from "./deep-freeze";
import { UnknownModelError } from "./errors";

/** Model types as named in the Heurist model registry. */
export type ModelType = "sd15" | "composite15" | "sdxl10" | "compositexl" | "flux-dev" | "flux-dev-lora" | "llm";

/** The unit that image multipliers are priced by in a reward schedule. */
export type ImageCategory = "sd15" | "sdxl" | "sdxl-lora" | "flux";

export interface ModelInfo {
  id: string;
  kind: "image" | "llm";
  type: ModelType;
  category?: ImageCategory;
  vramGb: number;
  label: string;
}

type ImageModelType = Exclude<ModelType, "llm">;

/** LoRA-on-checkpoint types ("composite") cost what their base architecture costs. */
export const IMAGE_CATEGORY_BY_TYPE: Readonly<Record<ImageModelType, ImageCategory>> = deepFreeze({
  sd15: "sd15",
  composite15: "sd15",
  sdxl10: "sdxl",
  compositexl: "sdxl-lora",
  "flux-dev": "flux",
  "flux-dev-lora": "flux",
});

/** VRAM a GPU needs to serve the category (sources: ~8 GB SD 1.5, 12 GB SDXL, 24 GB Flux). */
const VRAM_GB_BY_CATEGORY: Readonly<Record<ImageCategory, number>> = {
  sd15: 8,
  sdxl: 12,
  "sdxl-lora": 12,
  flux: 24,
};

function image(id: string, type: ImageModelType, label: string): ModelInfo {
  const category = IMAGE_CATEGORY_BY_TYPE[type];
  return { id, kind: "image", type, category, vramGb: VRAM_GB_BY_CATEGORY[category], label };
}

function llm(id: string, vramGb: number, label: string): ModelInfo {
  return { id, kind: "llm", type: "llm", vramGb, label };
}

export const MODELS: readonly ModelInfo[] = deepFreeze([
  image("SDXL", "sdxl10", "Stable Diffusion XL 1.0"),
  image("AnimagineXL", "sdxl10", "Animagine XL"),
  image("CyberRealisticXL", "sdxl10", "CyberRealistic XL"),
  image("AAMXLAnimeMix", "sdxl10", "AAM XL AnimeMix"),
  image("SDXLUnstableDiffusersV11", "sdxl10", "SDXL Unstable Diffusers v11"),
  image("Aurora", "sd15", "Aurora (SD 1.5)"),
  image("BrainDance", "sd15", "BrainDance (SD 1.5)"),
  image("YamersCartoonArcadia", "sd15", "Yamer's Cartoon Arcadia (SD 1.5)"),
  image("ArthemyComics", "sd15", "Arthemy Comics (SD 1.5)"),
  image("PepeXL", "compositexl", "Pepe XL (SDXL LoRA)"),
  image("FLUX.1-dev", "flux-dev", "FLUX.1 [dev]"),
  image("HeuristLogo", "flux-dev-lora", "Heurist Logo (Flux LoRA)"),
  llm("mixtral-8x7b", 40, "Mixtral 8x7B"),
  llm("dolphin-2.9-llama3-8b", 24, "Dolphin 2.9 Llama 3 8B"),
  llm("hermes-3-llama3.1-8b", 24, "Hermes 3 Llama 3.1 8B"),
  llm("theia-llama-3.1-8b", 24, "Theia Llama 3.1 8B"),
  llm("openhermes-mixtral-8x7b-gptq", 40, "OpenHermes Mixtral 8x7B GPTQ"),
]);

const models = lookupById(MODELS, (id, known) => new UnknownModelError(id, known));

/** Ids are case-sensitive: the job router reports them verbatim, and "SDXL" ≠ "sdxl" there. */
export function findModel(id: string): ModelInfo | undefined {
  return models.find(id);
}

export function getModelOrThrow(id: string): ModelInfo {
  return models.getOrThrow(id);
}
