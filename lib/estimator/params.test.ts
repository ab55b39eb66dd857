import { describe, expect, test } from "vitest";
import { IMAGE_PRESETS, defaultForm, formFromParams, formToQuery, inputAttributes, parseForm } from "./params";

describe("URL state", () => {
  test("a form survives the trip through the query string", () => {
    const form = { ...defaultForm("testnet-2024-09"), gpu: "a100", model: "PepeXL", width: "768", nfts: "2", stake: "25000.5", schedule: "mainnet-preview" };
    const back = formFromParams(Object.fromEntries(new URLSearchParams(formToQuery(form))), "testnet-2024-09");
    expect(back).toEqual(form);
  });

  test("only the job-shape fields of the model's kind are written, with the API's names", () => {
    const image = new URLSearchParams(formToQuery(defaultForm("testnet-2024-09")));
    expect([...image.keys()]).toEqual(["gpu", "model", "schedule", "width", "height", "steps", "nfts", "stake"]);
    const llm = new URLSearchParams(formToQuery({ ...defaultForm("testnet-2024-09"), model: "theia-llama-3.1-8b" }));
    expect([...llm.keys()]).toEqual(["gpu", "model", "schedule", "input_tokens", "output_tokens", "nfts", "stake"]);
  });

  test.each([
    ["gpu", "gtx1080", "4090"],
    ["model", "sdxl", "SDXL"], // ids are case-sensitive
    ["schedule", "testnet-2099", "testnet-2024-09"],
  ])("an unknown %s (%s) falls back to the default", (key, value, expected) => {
    expect(formFromParams({ [key]: value }, "testnet-2024-09")[key as "gpu"]).toBe(expected);
  });

  test("keeps the longest model id", () => {
    expect(formFromParams({ model: "openhermes-mixtral-8x7b-gptq" }, "testnet-2024-09").model).toBe("openhermes-mixtral-8x7b-gptq");
  });

  test("the first of repeated parameters wins", () => {
    expect(formFromParams({ steps: ["30", "40"] }, "testnet-2024-09").steps).toBe("30");
  });
});

describe("parseForm", () => {
  test("parses the defaults", () => {
    expect(parseForm(defaultForm("testnet-2024-09"))).toEqual({
      ok: true,
      input: { gpu: "4090", modelId: "SDXL", scheduleId: "testnet-2024-09", image: { width: 1024, height: 1024, steps: 20 }, llm: undefined, nfts: 0, stake: 0 },
    });
  });

  test.each([
    ["width", "", "Width is required."],
    ["steps", "20.5", "Steps must be a whole number."],
    ["nfts", "501", "NFTs must be from 0 to 500."],
    ["stake", "-1", "Stake must be from 0 to 1,000,000,000,000."],
    ["height", "abc", "Height must be a number."],
  ])("%s = %j is rejected: %s", (field, value, message) => {
    const parsed = parseForm({ ...defaultForm("testnet-2024-09"), [field]: value });
    expect(parsed).toEqual({ ok: false, errors: { [field]: message } });
  });

  test("fields of the other kind are not checked", () => {
    const parsed = parseForm({ ...defaultForm("testnet-2024-09"), model: "hermes-3-llama3.1-8b", width: "" });
    expect(parsed.ok && parsed.input.llm).toEqual({ inputTokens: 500, outputTokens: 500 });
  });
});

describe("inputAttributes", () => {
  // Arrow keys step from the input's min: a base of 64 keeps every preset on the step grid.
  test("every preset size is on the width/height step grid", () => {
    const { min, step } = inputAttributes("width");
    for (const p of IMAGE_PRESETS) expect([(p.width - min) % step, (p.height - min) % step]).toEqual([0, 0]);
  });
});
