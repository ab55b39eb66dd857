// Test helpers for the contracts: viem clients for anvil's default accounts, a fresh deployment per
// test file, a chain snapshot around every test, and revert/event assertions by name.
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  parseEventLogs,
  type Abi,
  type Address,
  type ContractEventName,
  type Hash,
  type ParseEventLogsReturnType,
  type TransactionReceipt,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from "vitest";
import { esHeuAbi, heuAbi } from "../../lib/chain/abi";
import { deployContracts, type ContractAddresses } from "../deploy";

const MNEMONIC = "test test test test test test test test test test test junk";
/** Index 0 deploys and owns the contracts. */
export const accounts = [0, 1, 2, 3, 4].map((addressIndex) => mnemonicToAccount(MNEMONIC, { addressIndex }));
export const [owner, alice, bob, carol, dave] = accounts.map((a) => a.address) as [Address, Address, Address, Address, Address];

const transport = http(inject("rpcUrl"));
// Anvil mines on every transaction: poll receipts often instead of viem's default 4 s.
export const publicClient = createPublicClient({ chain: anvil, transport, pollingInterval: 20 });
export const testClient = createTestClient({ chain: anvil, transport, mode: "anvil" });
const wallets = new Map(accounts.map((account) => [account.address, createWalletClient({ account, chain: anvil, transport })]));

/** A wallet client signing as `address` (one of `accounts`). */
export function walletOf(address: Address) {
  const wallet = wallets.get(address);
  if (!wallet) throw new Error(`${address} is not a test account`);
  return wallet;
}

/**
 * Deploys the contracts once for the file (rolled back after it) and wraps every test in a chain
 * snapshot. The returned object is filled in by `beforeAll`.
 */
export function deployPerFile(): ContractAddresses {
  const deployment = {} as ContractAddresses;
  let fileSnapshot: Hash | undefined;
  let testSnapshot: Hash | undefined;
  beforeAll(async () => {
    fileSnapshot = await testClient.snapshot();
    Object.assign(deployment, await deployContracts({ walletClient: walletOf(owner), publicClient }));
  });
  afterAll(async () => {
    if (fileSnapshot) await testClient.revert({ id: fileSnapshot });
  });
  beforeEach(async () => {
    testSnapshot = await testClient.snapshot();
  });
  afterEach(async () => {
    if (testSnapshot) await testClient.revert({ id: testSnapshot });
  });
  return deployment;
}

/** Waits for a sent transaction and fails the test unless it succeeded. */
export async function mined(tx: Promise<Hash>): Promise<TransactionReceipt> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash: await tx });
  expect(receipt.status).toBe("success");
  return receipt;
}

/** The one `eventName` log a receipt holds, decoded. */
export function eventOf<const abi extends Abi, name extends ContractEventName<abi>>(
  receipt: TransactionReceipt,
  abi: abi,
  eventName: name,
): ParseEventLogsReturnType<abi, name, true>[number]["args"] {
  const logs = parseEventLogs({ abi, logs: receipt.logs, eventName }) as ParseEventLogsReturnType<abi, name, true>;
  expect(logs, `${String(eventName)} logs`).toHaveLength(1);
  return logs[0]!.args;
}

/** Expects a write or read to revert with the custom error `errorName` (and `args`, when given). */
export async function expectRevert(call: Promise<unknown>, errorName: string, args?: readonly unknown[]): Promise<void> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a revert with ${errorName}`).toBeInstanceOf(BaseError);
  const reverted = (error as BaseError).walk((e) => e instanceof ContractFunctionRevertedError);
  expect(reverted, String(error)).toBeInstanceOf(ContractFunctionRevertedError);
  const data = (reverted as ContractFunctionRevertedError).data;
  expect(data?.errorName).toBe(errorName);
  if (args) expect(data?.args ?? []).toEqual(args);
}

/** Timestamp of the latest block. */
export async function latestTimestamp(): Promise<bigint> {
  return (await publicClient.getBlock()).timestamp;
}

/** The next transaction's block gets exactly this timestamp. */
export async function setNextTimestamp(timestamp: bigint): Promise<void> {
  await testClient.setNextBlockTimestamp({ timestamp });
}

/** Mines an empty block at exactly `timestamp`, so views read at "latest" see that time. */
export async function mineAt(timestamp: bigint): Promise<void> {
  await testClient.setNextBlockTimestamp({ timestamp });
  await testClient.mine({ blocks: 1 });
}

export async function blockTimestamp(receipt: TransactionReceipt): Promise<bigint> {
  return (await publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp;
}

/** Mints `amount` HEU to `to` (as the owner). */
export async function mintHeu(c: ContractAddresses, to: Address, amount: bigint): Promise<void> {
  await mined(walletOf(owner).writeContract({ address: c.heu, abi: heuAbi, functionName: "mint", args: [to, amount] }));
}

/** Grants `amount` esHEU to `to`, minting the HEU backing to the owner first; returns the receipt. */
export async function grantEsHeu(c: ContractAddresses, to: Address, amount: bigint): Promise<TransactionReceipt> {
  await mintHeu(c, owner, amount);
  await mined(walletOf(owner).writeContract({ address: c.heu, abi: heuAbi, functionName: "approve", args: [c.esHeu, amount] }));
  return mined(walletOf(owner).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "grant", args: [to, amount] }));
}

export function balanceOf(token: Address, account: Address): Promise<bigint> {
  return publicClient.readContract({ address: token, abi: heuAbi, functionName: "balanceOf", args: [account] });
}
