import { describe, expect, test } from "vitest";
import { PointsError, UnknownModelError } from "./errors";
import { IMAGE_CATEGORY_BY_TYPE, MODELS, findModel, getModelOrThrow } from "./models";

describe("model catalog", () => {
  test.each([
    ["SDXL", "sdxl10", "sdxl", 12],
    ["AnimagineXL", "sdxl10", "sdxl", 12],
    ["CyberRealisticXL", "sdxl10", "sdxl", 12],
    ["AAMXLAnimeMix", "sdxl10", "sdxl", 12],
    ["SDXLUnstableDiffusersV11", "sdxl10", "sdxl", 12],
    ["Aurora", "sd15", "sd15", 8],
    ["BrainDance", "sd15", "sd15", 8],
    ["YamersCartoonArcadia", "sd15", "sd15", 8],
    ["ArthemyComics", "sd15", "sd15", 8],
    ["PepeXL", "compositexl", "sdxl-lora", 12],
    ["FLUX.1-dev", "flux-dev", "flux", 24],
    ["HeuristLogo", "flux-dev-lora", "flux", 24],
  ] as const)("image model %s is %s → category %s, %i GB", (id, type, category, vramGb) => {
    expect(getModelOrThrow(id)).toMatchObject({ id, kind: "image", type, category, vramGb });
  });

  test.each([
    ["mixtral-8x7b", 40],
    ["dolphin-2.9-llama3-8b", 24],
    ["hermes-3-llama3.1-8b", 24],
    ["theia-llama-3.1-8b", 24],
    ["openhermes-mixtral-8x7b-gptq", 40],
  ])("LLM %s needs %i GB", (id, vramGb) => {
    const model = getModelOrThrow(id);
    expect(model).toMatchObject({ id, kind: "llm", type: "llm", vramGb });
    expect(model.category).toBeUndefined();
  });

  test.each([
    ["sd15", "sd15"],
    ["composite15", "sd15"],
    ["sdxl10", "sdxl"],
    ["compositexl", "sdxl-lora"],
    ["flux-dev", "flux"],
    ["flux-dev-lora", "flux"],
  ] as const)("registry type %s is priced as %s", (type, category) => {
    expect(IMAGE_CATEGORY_BY_TYPE[type]).toBe(category);
  });

  test("ids are unique and every model has a label", () => {
    expect(new Set(MODELS.map((m) => m.id)).size).toBe(MODELS.length);
    for (const model of MODELS) expect(model.label.length).toBeGreaterThan(0);
  });

  test("the catalog cannot be edited at run time", () => {
    expect(() => {
      (MODELS[0] as { vramGb: number }).vramGb = 1;
    }).toThrow(TypeError);
  });
});

describe("lookups", () => {
  test.each([["sdxl"], ["flux.1-dev"], ["Mixtral-8x7b"], [""], ["constructor"], ["gpt-4"]])("%j is unknown (ids are case-sensitive)", (id) => {
    expect(findModel(id)).toBeUndefined();
    expect(() => getModelOrThrow(id)).toThrow(UnknownModelError);
  });

  test("the error names the id and lists the known ids", () => {
    const error = (() => {
      try {
        getModelOrThrow("sdxl-turbo");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PointsError);
    expect(error).toMatchObject({ code: "UNKNOWN_MODEL", modelId: "sdxl-turbo" });
    expect((error as Error).message).toContain('"sdxl-turbo"');
    expect((error as Error).message).toContain("AnimagineXL");
    expect((error as Error).message).toContain("openhermes-mixtral-8x7b-gptq");
  });
});
