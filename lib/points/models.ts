import { lookupById } from "./by-id";
import { deepFreeze } from "./deep-freeze";
import { UnknownModelError } from "./errors";
import catalog from "./models.json" with { type: "json" };

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

/** An image model type from models.json, checked: a typo there fails at load, not in a price. */
function imageType(type: string): ImageModelType {
  if (!Object.hasOwn(IMAGE_CATEGORY_BY_TYPE, type)) throw new Error(`models.json: unknown image model type "${type}"`);
  return type as ImageModelType;
}

/** The model registry (models.json, data): image models, then LLMs, in the order lists show them. */
export const MODELS: readonly ModelInfo[] = deepFreeze([
  ...catalog.image.map((m) => image(m.id, imageType(m.type), m.label)),
  ...catalog.llm.map((m) => llm(m.id, m.vramGb, m.label)),
]);

const models = lookupById(MODELS, (id, known) => new UnknownModelError(id, known));

/** Ids are case-sensitive: the job router reports them verbatim, and "SDXL" ≠ "sdxl" there. */
export function findModel(id: string): ModelInfo | undefined {
  return models.find(id);
}

export function getModelOrThrow(id: string): ModelInfo {
  return models.getOrThrow(id);
}
