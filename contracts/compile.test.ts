import { describe, expect, test } from "vitest";
import { esHeuAbi, heuAbi, imaginariesAbi, rewardDistributorAbi, stakingMarketAbi } from "../lib/chain/abi";
import { compileContracts, renderOutputs, staleOutputs } from "./solc-build";

describe("contracts build", () => {
  const artifacts = compileContracts();

  test("compiles every contract in contracts/src with bytecode", () => {
    expect(artifacts.map((a) => a.contractName)).toEqual(["EsHEU", "HEU", "HeuristImaginaries", "RewardDistributor", "StakingMarket"]);
    for (const a of artifacts) expect(a.bytecode.length, a.contractName).toBeGreaterThan(1000);
  });

  test("the committed artifacts and lib/chain/abi.ts match a fresh compile (run npm run contracts:compile)", () => {
    expect(staleOutputs(renderOutputs(artifacts))).toEqual([]);
  });

  test("lib/chain/abi.ts exports the ABIs under their stable names", () => {
    const byName = Object.fromEntries(artifacts.map((a) => [a.contractName, a.abi]));
    expect(heuAbi).toEqual(byName.HEU);
    expect(esHeuAbi).toEqual(byName.EsHEU);
    expect(imaginariesAbi).toEqual(byName.HeuristImaginaries);
    expect(stakingMarketAbi).toEqual(byName.StakingMarket);
    expect(rewardDistributorAbi).toEqual(byName.RewardDistributor);
  });
});
