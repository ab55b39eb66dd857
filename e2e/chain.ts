// The e2e chain from Node: contract calls as anvil's unlocked accounts (anvil signs and numbers
// them, so tests in parallel workers never race for a nonce), time travel, and waiting for the
// portal's indexer to catch up with a block.
import type { APIRequestContext } from "@playwright/test";
import { createPublicClient, createTestClient, createWalletClient, http, type Address, type Hash } from "viem";
import { anvil } from "viem/chains";
import { esHeuAbi, heuAbi, imaginariesAbi, stakingMarketAbi } from "../lib/chain/abi";

export interface E2eContracts {
  heu: Address;
  esHeu: Address;
  imaginaries: Address;
  stakingMarket: Address;
  rewardDistributor: Address;
}

export const WEI = 10n ** 18n;

export function e2eChain(rpcUrl = process.env.E2E_RPC_URL ?? "", contracts: E2eContracts = JSON.parse(process.env.E2E_CONTRACTS ?? "null")) {
  if (!rpcUrl || !contracts) throw new Error("E2E_RPC_URL and E2E_CONTRACTS are set by e2e/global-setup.ts");
  const transport = http(rpcUrl);
  const chain = { ...anvil, rpcUrls: { default: { http: [rpcUrl] } } };
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 200 });
  const testClient = createTestClient({ chain, transport, mode: "anvil" });
  const as = (from: Address) => createWalletClient({ account: from, chain, transport });
  const done = async (hash: Promise<Hash>, what: string) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success") throw new Error(`${what} reverted`);
    return receipt;
  };
  return {
    contracts,
    publicClient,
    testClient,
    mintHeu: (owner: Address, to: Address, amount: bigint) =>
      done(as(owner).writeContract({ address: contracts.heu, abi: heuAbi, functionName: "mint", args: [to, amount] }), "HEU mint"),
    async grantEsHeu(owner: Address, to: Address, amount: bigint) {
      await done(as(owner).writeContract({ address: contracts.heu, abi: heuAbi, functionName: "mint", args: [owner, amount] }), "HEU mint");
      await done(as(owner).writeContract({ address: contracts.heu, abi: heuAbi, functionName: "approve", args: [contracts.esHeu, amount] }), "approve");
      return done(as(owner).writeContract({ address: contracts.esHeu, abi: esHeuAbi, functionName: "grant", args: [to, amount] }), "esHEU grant");
    },
    async stakeHeu(from: Address, minerId: string, amount: bigint) {
      await done(as(from).writeContract({ address: contracts.heu, abi: heuAbi, functionName: "approve", args: [contracts.stakingMarket, amount] }), "approve");
      return done(as(from).writeContract({ address: contracts.stakingMarket, abi: stakingMarketAbi, functionName: "stake", args: [minerId, 0, amount] }), "stake");
    },
    setBribe: (operator: Address, minerId: string, bps: number) =>
      done(as(operator).writeContract({ address: contracts.stakingMarket, abi: stakingMarketAbi, functionName: "setBribe", args: [minerId, bps] }), "setBribe"),
    mintNft: (owner: Address, to: Address) => done(as(owner).writeContract({ address: contracts.imaginaries, abi: imaginariesAbi, functionName: "mint", args: [to] }), "NFT mint"),
    heuBalance: (of: Address) => publicClient.readContract({ address: contracts.heu, abi: heuAbi, functionName: "balanceOf", args: [of] }),
  };
}

/** Waits until the portal's indexer has applied `block` (GET /api/v1/chain). */
export async function waitIndexed(request: APIRequestContext, block: bigint, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = (await (await request.get("/api/v1/chain")).json()) as { indexedBlock: number | null };
    if (status.indexedBlock !== null && BigInt(status.indexedBlock) >= block) return;
    if (Date.now() > deadline) throw new Error(`The indexer did not reach block ${block} within ${timeoutMs / 1000} s (at ${status.indexedBlock})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
