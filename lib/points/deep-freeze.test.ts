import { describe, expect, test } from "vitest";
import { deepFreeze } from "./deep-freeze";

describe("deepFreeze", () => {
  const frozen = deepFreeze({
    nested: { value: 1 },
    tuples: [[1, 2]] as number[][],
    record: { x: 1 } as Record<string, number>,
  });

  test.each<[string, () => void]>([
    ["a nested property", () => (frozen.nested.value = 2)],
    ["a tuple inside an array", () => frozen.tuples[0]!.push(3)],
    ["the array itself", () => frozen.tuples.pop()],
    ["a record (new key)", () => (frozen.record.y = 1)],
  ])("%s cannot be mutated", (_name, mutate) => {
    expect(mutate).toThrow(TypeError);
  });

  test.each([[1], ["s"], [null], [undefined]])("passes primitive %s through", (value) => {
    expect(deepFreeze(value)).toBe(value);
  });
});
