// A contract wallet (ERC-1271: a smart account whose owner key signs for it) signs in: its
// signature is checked on chain through viem's verifySiweMessage, not refused because no key
// recovers to the contract's address. A real anvil and a real contract compiled here with solc.
import solc from "solc";
import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startAnvil, type Anvil } from "../../scripts/lib/anvil";
import { anvilAccount, chainClients } from "../../scripts/lib/chain-actions";
import { freshNonce, siweMessage, verifyRequest } from "../support/siwe";

const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
/// A one-owner smart account: a signature is valid when the owner's key made it (ERC-1271).
contract OwnedAccount {
  address public immutable owner;
  constructor(address o) { owner = o; }
  function isValidSignature(bytes32 hash, bytes calldata sig) external view returns (bytes4) {
    if (sig.length != 65) return 0xffffffff;
    bytes32 r = bytes32(sig[0:32]);
    bytes32 s = bytes32(sig[32:64]);
    uint8 v = uint8(sig[64]);
    return ecrecover(hash, v, r, s) == owner ? bytes4(0x1626ba7e) : bytes4(0xffffffff);
  }
}`;

function compile(): { abi: unknown[]; bytecode: Hex } {
  const out = JSON.parse(
    solc.compile(
      JSON.stringify({
        language: "Solidity",
        sources: { "OwnedAccount.sol": { content: SOURCE } },
        settings: { outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
      }),
    ),
  );
  const c = out.contracts["OwnedAccount.sol"].OwnedAccount;
  return { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
}

// Anvil's development key 7 owns the account; key 8 is a stranger.
const ownerKey = privateKeyToAccount("0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");
const stranger = privateKeyToAccount("0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97");
let anvil: Anvil;
let account: `0x${string}`;

beforeAll(async () => {
  anvil = await startAnvil();
  // Read by lib/env when the first contract-wallet signature is checked.
  process.env.CHAIN_RPC_URL = anvil.rpcUrl;
  const { publicClient, walletFor } = chainClients(anvil.rpcUrl);
  const { abi, bytecode } = compile();
  const hash = await walletFor(anvilAccount(0)).deployContract({ abi, bytecode, args: [ownerKey.address] });
  account = (await publicClient.waitForTransactionReceipt({ hash })).contractAddress!;
});

afterAll(async () => {
  await anvil?.stop();
});

async function signInAsContract(signer: typeof ownerKey): Promise<Response> {
  const { nonce, cookie } = await freshNonce();
  const message = siweMessage({ address: account }, nonce);
  return verifyRequest(message, await signer.signMessage({ message }), cookie);
}

test("a contract wallet signs in with its owner's signature, verified on chain", async () => {
  const res = await signInAsContract(ownerKey);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ address: account.toLowerCase(), chainId: 31337 });
});

test("a contract wallet's sign-in signed by someone else is refused", async () => {
  const res = await signInAsContract(stranger);
  expect(res.status).toBe(401);
  expect((await res.json()).error.message).toMatch(/not made by the address/);
});
