// An injected EIP-1193 wallet for the browser under test: announced through EIP-6963 and
// window.ethereum, answering on `chainId`, signing messages in Node with an anvil development key,
// and forwarding everything else (eth_sendTransaction, eth_call, receipts, …) to the e2e anvil,
// whose development accounts are unlocked, so anvil signs the transactions.
import { expect, type Locator, type Page } from "@playwright/test";
import { privateKeyToAccount } from "viem/accounts";

type RpcAnswer = { result?: unknown; error?: { code: number; message: string; data?: unknown } };

export async function injectTestWallet(page: Page, privateKey: `0x${string}`, chainId = 31337, rpcUrl = process.env.E2E_RPC_URL): Promise<string> {
  const account = privateKeyToAccount(privateKey);
  await page.exposeFunction("__e2eSign", (hex: `0x${string}`) => account.signMessage({ message: { raw: hex } }));
  await page.exposeFunction("__e2eRpc", async (method: string, params: unknown[]): Promise<RpcAnswer> => {
    if (!rpcUrl) return { error: { code: 4200, message: `The test wallet has no chain to forward ${method} to` } };
    const res = await fetch(rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
    const body = (await res.json()) as RpcAnswer;
    return body.error ? { error: body.error } : { result: body.result };
  });
  await page.addInitScript(
    ({ address, chainHex }) => {
      const listeners: Record<string, ((...args: unknown[]) => void)[]> = {};
      const w = window as unknown as { __e2eSign: (hex: string) => Promise<string>; __e2eRpc: (method: string, params: unknown[]) => Promise<RpcAnswer> };
      const forward = async (method: string, params: unknown[]) => {
        const answer = await w.__e2eRpc(method, params);
        // Keep code and revert data: viem decodes custom errors from them.
        if (answer.error) throw Object.assign(new Error(answer.error.message), answer.error);
        return answer.result;
      };
      const provider = {
        request: async ({ method, params }: { method: string; params?: unknown[] }) => {
          switch (method) {
            case "eth_requestAccounts":
            case "eth_accounts":
              return [address];
            case "eth_chainId":
              return chainHex;
            case "net_version":
              return String(parseInt(chainHex, 16));
            case "personal_sign":
              return w.__e2eSign(String(params?.[0]));
            case "wallet_requestPermissions":
            case "wallet_getPermissions":
              return [{ parentCapability: "eth_accounts" }];
            case "wallet_revokePermissions":
            case "wallet_switchEthereumChain":
              return null;
            case "eth_sendTransaction": {
              const tx = (params?.[0] ?? {}) as { from?: string };
              if (tx.from && tx.from.toLowerCase() !== address.toLowerCase()) throw Object.assign(new Error("Unknown sender"), { code: 4100 });
              return forward(method, params ?? []);
            }
            default:
              if (method.startsWith("wallet_")) throw Object.assign(new Error(`The test wallet does not support ${method}`), { code: 4200 });
              return forward(method, params ?? []);
          }
        },
        on: (event: string, fn: (...args: unknown[]) => void) => void (listeners[event] ??= []).push(fn),
        removeListener: (event: string, fn: (...args: unknown[]) => void) => void (listeners[event] = (listeners[event] ?? []).filter((f) => f !== fn)),
      };
      (window as unknown as { ethereum: unknown }).ethereum = provider;
      const detail = Object.freeze({
        info: {
          uuid: "6c1f2f8e-0e2e-4e2e-8e2e-0e2e0e2e0e2e",
          name: "E2E Test Wallet",
          icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E",
          rdns: "dev.heurist.e2e",
        },
        provider,
      });
      const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail }));
      window.addEventListener("eip6963:requestProvider", announce);
      announce();
    },
    { address: account.address, chainHex: `0x${chainId.toString(16)}` },
  );
  return account.address;
}

/**
 * A node's staking panel on the market page with `privateKey`'s wallet connected (picked from the
 * list, unless wagmi already reconnected it).
 */
export async function openStakePanel(page: Page, privateKey: `0x${string}`, minerId: string): Promise<Locator> {
  await injectTestWallet(page, privateKey);
  await page.goto(`/market?node=${minerId}#stake`);
  const panel = page.locator("#stake");
  const choice = panel.getByRole("button", { name: "E2E Test Wallet" });
  const actions = panel.getByRole("tablist", { name: "Staking actions" });
  await expect(choice.or(actions)).toBeVisible();
  if (await choice.isVisible()) await choice.click();
  await expect(actions).toBeVisible();
  return panel;
}

/**
 * A wallet page's "esHEU on chain" section with its claim panel connected (the wallet already
 * injected); `ready` is what the connected panel shows.
 */
export async function openClaimsPanel(page: Page, address: string, ready: (section: Locator) => Locator): Promise<Locator> {
  await page.goto(`/wallets/${address}`);
  const section = page.getByRole("region", { name: "esHEU on chain" });
  await section.getByRole("button", { name: "Connect this wallet to claim" }).click();
  const choice = section.getByRole("button", { name: "E2E Test Wallet" });
  await expect(choice.or(ready(section))).toBeVisible();
  if (await choice.isVisible()) await choice.click();
  await expect(ready(section)).toBeVisible();
  return section;
}
