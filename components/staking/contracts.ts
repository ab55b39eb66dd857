// The StakingMarket calls the panels make, with ABIs that also carry the token errors (SafeERC20
// bubbles ERC20InsufficientAllowance/Balance up from the token), so viem can decode every revert.
import { keccak256, stringToBytes, type Abi, type Address, type Hex } from "viem";
import { esHeuAbi, heuAbi, stakingMarketAbi } from "@/lib/chain/abi";
import type { PortalContracts } from "@/lib/chain/config";

export const TOKENS = [
  { id: 0, name: "HEU" },
  { id: 1, name: "esHEU" },
] as const;
export type TokenId = 0 | 1;
export const ESHEU: TokenId = 1;
export const tokenName = (t: TokenId) => TOKENS[t].name;

/** The custom errors of an ABI, to append to another ABI so viem can decode reverts bubbled up through it. */
export const errorsOf = (abi: Abi) => abi.filter((i) => i.type === "error");
const marketErrors = new Set<string>(errorsOf(stakingMarketAbi).map((i) => i.name));
const tokenErrors = [...errorsOf(heuAbi), ...errorsOf(esHeuAbi)].filter((e, i, all) => !marketErrors.has(e.name) && all.findIndex((o) => o.name === e.name) === i);

export const marketAbi: Abi = [...stakingMarketAbi, ...tokenErrors];

/** The StakingMarket's node id: keccak256 of the miner ID lower-cased. */
export function nodeIdOf(minerId: string): Hex {
  return keccak256(stringToBytes(minerId.toLowerCase()));
}

/** The operator of a miner ID: the wallet it starts with. */
export const operatorOf = (minerId: string) => minerId.split("-")[0]!.toLowerCase();

/** A contract write, loosely typed so one flow can run approve, stake, unstake… in sequence. */
export interface ContractCall {
  label: string;
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
}

export function marketCalls(c: PortalContracts) {
  const market = (label: string, functionName: string, args: readonly unknown[]): ContractCall => ({ label, address: c.stakingMarket, abi: marketAbi, functionName, args });
  return {
    approve: (token: TokenId, amount: bigint): ContractCall => ({
      label: `Approve ${tokenName(token)}`,
      address: token === 0 ? c.heu : c.esHeu,
      abi: (token === 0 ? heuAbi : esHeuAbi) as Abi,
      functionName: "approve",
      args: [c.stakingMarket, amount],
    }),
    stake: (minerId: string, token: TokenId, amount: bigint) => market(`Stake ${tokenName(token)}`, "stake", [minerId, token, amount]),
    unstake: (minerId: string, token: TokenId, amount: bigint) => market(`Unstake ${tokenName(token)}`, "unstake", [minerId, token, amount]),
    withdraw: (lockId: bigint) => market(`Withdraw lock #${lockId}`, "withdraw", [lockId]),
    move: (from: string, to: string, token: TokenId, amount: bigint) => market(`Move ${tokenName(token)}`, "moveStake", [from, to, token, amount]),
    setBribe: (minerId: string, bps: number) => market("Set bribe", "setBribe", [minerId, bps]),
  };
}
