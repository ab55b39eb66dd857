// Typed chain actions for scripts and tests (portal seeding, integration and e2e tests): anvil's
// test accounts as signers, every write waited for and checked. Not for the browser.
import { createPublicClient, createTestClient, createWalletClient, http, toHex, type Account, type Address, type Hash, type PublicClient, type TransactionReceipt } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { esHeuAbi, heuAbi, imaginariesAbi, stakingMarketAbi } from "../../lib/chain/abi";
import type { ContractAddresses } from "../../contracts/deploy";

export const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";
export const HEU_TOKEN = 0;
export const ESHEU_TOKEN = 1;
export const heu = (n: number | bigint) => BigInt(n) * 10n ** 18n;

/** Anvil's funded accounts from the test mnemonic; index 0 deploys and owns the contracts. */
export function anvilAccount(index: number): Account {
  return mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index });
}

/** The private key of anvil's account `index` (a well-known development key, never a real one). */
export function anvilPrivateKey(index: number): `0x${string}` {
  return toHex(mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index }).getHdKey().privateKey!);
}

export function chainClients(rpcUrl: string) {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain: anvil, transport, pollingInterval: 50 }) as PublicClient;
  const testClient = createTestClient({ chain: anvil, transport, mode: "anvil" });
  const walletFor = (account: Account) => createWalletClient({ account, chain: anvil, transport });
  return { publicClient, testClient, walletFor };
}

export type ChainClients = ReturnType<typeof chainClients>;

/**
 * The contract calls the portal's flows make, as `account`. Accounts that are not anvil's own
 * (simulated miners) are impersonated: `impersonate(address)` funds and unlocks them first.
 */
export function chainActions(clients: ChainClients, c: ContractAddresses) {
  const { publicClient, testClient, walletFor } = clients;
  async function done(tx: Promise<Hash>, what: string): Promise<TransactionReceipt> {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await tx });
    if (receipt.status !== "success") throw new Error(`${what} reverted`);
    return receipt;
  }
  const as = (from: Account | Address) => (typeof from === "string" ? walletFor({ address: from, type: "json-rpc" } as Account) : walletFor(from));
  return {
    async impersonate(address: Address) {
      await testClient.setBalance({ address, value: heu(10) });
      await testClient.impersonateAccount({ address });
    },
    mintHeu: (to: Address, amount: bigint) =>
      done(as(anvilAccount(0)).writeContract({ address: c.heu, abi: heuAbi, functionName: "mint", args: [to, amount], chain: anvil }), "HEU mint"),
    async grantEsHeu(to: Address, amount: bigint) {
      const owner = as(anvilAccount(0));
      await done(owner.writeContract({ address: c.heu, abi: heuAbi, functionName: "mint", args: [owner.account.address, amount], chain: anvil }), "HEU mint");
      await done(owner.writeContract({ address: c.heu, abi: heuAbi, functionName: "approve", args: [c.esHeu, amount], chain: anvil }), "HEU approve");
      return done(owner.writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "grant", args: [to, amount], chain: anvil }), "esHEU grant");
    },
    async approveMarket(from: Account | Address, amount = 2n ** 255n) {
      const w = as(from);
      await done(w.writeContract({ address: c.heu, abi: heuAbi, functionName: "approve", args: [c.stakingMarket, amount], chain: anvil }), "HEU approve");
      await done(w.writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "approve", args: [c.stakingMarket, amount], chain: anvil }), "esHEU approve");
    },
    stake: (from: Account | Address, minerId: string, token: number, amount: bigint) =>
      done(as(from).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "stake", args: [minerId, token, amount], chain: anvil }), "stake"),
    unstake: (from: Account | Address, minerId: string, token: number, amount: bigint) =>
      done(as(from).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "unstake", args: [minerId, token, amount], chain: anvil }), "unstake"),
    withdraw: (from: Account | Address, lockId: bigint) =>
      done(as(from).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "withdraw", args: [lockId], chain: anvil }), "withdraw"),
    move: (from: Account | Address, fromMinerId: string, toMinerId: string, token: number, amount: bigint) =>
      done(
        as(from).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "moveStake", args: [fromMinerId, toMinerId, token, amount], chain: anvil }),
        "moveStake",
      ),
    setBribe: (from: Account | Address, minerId: string, bps: number) =>
      done(as(from).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "setBribe", args: [minerId, bps], chain: anvil }), "setBribe"),
    mintNft: (to: Address) => done(as(anvilAccount(0)).writeContract({ address: c.imaginaries, abi: imaginariesAbi, functionName: "mint", args: [to], chain: anvil }), "NFT mint"),
    transferNft: (from: Account | Address, to: Address, tokenId: bigint) => {
      const w = as(from);
      return done(
        w.writeContract({ address: c.imaginaries, abi: imaginariesAbi, functionName: "transferFrom", args: [w.account.address, to, tokenId], chain: anvil }),
        "NFT transfer",
      );
    },
    mine: (blocks = 1) => testClient.mine({ blocks }),
  };
}

export type ChainActions = ReturnType<typeof chainActions>;
