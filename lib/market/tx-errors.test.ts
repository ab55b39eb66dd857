import { encodeErrorResult, type Abi } from "viem";
import { ContractFunctionExecutionError, ContractFunctionRevertedError, UserRejectedRequestError } from "viem";
import { describe, expect, test } from "vitest";
import { heuAbi, stakingMarketAbi } from "@/lib/chain/abi";
import { describeTxError } from "./tx-errors";

const abi = [...stakingMarketAbi, ...heuAbi.filter((i) => i.type === "error")] as Abi;

/** What viem throws when a simulated or sent call reverts with `errorName(args)`. */
function reverted(errorName: string, args: readonly unknown[] = []) {
  const data = encodeErrorResult({ abi, errorName, args } as never);
  const cause = new ContractFunctionRevertedError({ abi, data, functionName: "stake" });
  return new ContractFunctionExecutionError(cause, { abi, functionName: "stake", args: [] });
}

const OP = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const ME = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

describe("describeTxError", () => {
  test.each([
    ["ZeroAmount", [], "Enter an amount above zero."],
    ["InsufficientStake", [5n * 10n ** 18n, 7n * 10n ** 18n], "You have 5 staked there in this token; 7 was requested."],
    ["NotOperator", [ME, OP], `Only the node's operator (${OP}) can set its bribe; your wallet is ${ME}.`],
    ["BribeTooHigh", [10_001], "A bribe is at most 100 % (10,000 basis points)."],
    ["StillLocked", [1_767_225_600n], "Still locked: this HEU can be withdrawn from 2026-01-01 00:00 UTC."],
    ["AlreadyWithdrawn", [3n], "Lock #3 was already withdrawn."],
    ["SameNode", [], "Pick a different node to move the stake to."],
    ["ERC20InsufficientAllowance", [OP, 10n ** 18n, 25n * 10n ** 17n], "The staking market may spend 1 of your tokens; approve at least 2.5 first."],
    ["ERC20InsufficientBalance", [ME, 0n, 10n ** 21n], "Your wallet holds 0; 1,000 is needed."],
  ] as const)("%s", (name, args, message) => {
    expect(describeTxError(reverted(name, args))).toBe(message);
  });

  test("a rejected signature", () => {
    expect(describeTxError(new UserRejectedRequestError(new Error("User denied")))).toBe("You rejected the request in your wallet.");
    expect(describeTxError({ code: 4001, message: "denied" })).toBe("You rejected the request in your wallet.");
  });

  test("anything else keeps its first line", () => {
    expect(describeTxError(new Error("network down\nstack…"))).toBe("network down");
  });
});
