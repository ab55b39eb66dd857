import { describe, expect, test } from "vitest";
import { assignmentInForce, slotHolders, type AssignmentSet } from "./boost-slot-ranking";

const sets: AssignmentSet[] = [
  { effectiveFrom: 100, minerIds: ["c"] },
  { effectiveFrom: 200, minerIds: ["d", "a"] },
];

describe("assignmentInForce: the latest choice effective by then", () => {
  test.each([
    [99, undefined],
    [100, sets[0]],
    [199, sets[0]],
    [200, sets[1]],
    [10_000, sets[1]],
  ])("at %i", (at, expected) => {
    expect(assignmentInForce(sets, at)).toBe(expected);
  });
});

describe("slotHolders: the chosen IDs first, then the earliest-registered others, 3 per NFT", () => {
  const ranked = ["a", "b", "c", "d", "e", "f", "g"];
  test.each([
    [0, [], []],
    [1, [], ["a", "b", "c"]],
    [1, ["g"], ["g", "a", "b"]],
    [1, ["g", "f", "e", "d"], ["g", "f", "e"]],
    [2, ["g", "g"], ["g", "a", "b", "c", "d", "e"]],
    // A chosen GPU the ranking did not reach (registered later than the slots go) still holds one.
    [1, ["z"], ["z", "a", "b"]],
  ])("%i NFT(s), chosen %j", (nfts, chosen, expected) => {
    expect([...slotHolders(ranked.slice(0, nfts * 3), nfts, chosen)]).toEqual(expected);
  });
});
