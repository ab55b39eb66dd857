// An injected EIP-1193 wallet for the browser under test: announced through EIP-6963 and
// window.ethereum, answering on chain 31337, and signing in Node with an anvil development key.
import type { Page } from "@playwright/test";
import { privateKeyToAccount } from "viem/accounts";

export async function injectTestWallet(page: Page, privateKey: `0x${string}`, chainId = 31337): Promise<string> {
  const account = privateKeyToAccount(privateKey);
  await page.exposeFunction("__e2eSign", (hex: `0x${string}`) => account.signMessage({ message: { raw: hex } }));
  await page.addInitScript(
    ({ address, chainHex }) => {
      const listeners: Record<string, ((...args: unknown[]) => void)[]> = {};
      const sign = (window as unknown as { __e2eSign: (hex: string) => Promise<string> }).__e2eSign;
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
              return sign(String(params?.[0]));
            case "wallet_requestPermissions":
            case "wallet_getPermissions":
              return [{ parentCapability: "eth_accounts" }];
            case "wallet_revokePermissions":
            case "wallet_switchEthereumChain":
              return null;
            default:
              throw Object.assign(new Error(`The test wallet does not support ${method}`), { code: 4200 });
          }
        },
        on: (event: string, fn: (...args: unknown[]) => void) => void (listeners[event] ??= []).push(fn),
        removeListener: (event: string, fn: (...args: unknown[]) => void) => void (listeners[event] = (listeners[event] ?? []).filter((f) => f !== fn)),
      };
      (window as unknown as { ethereum: unknown }).ethereum = provider;
      const detail = Object.freeze({
        info: { uuid: "6c1f2f8e-0e2e-4e2e-8e2e-0e2e0e2e0e2e", name: "E2E Test Wallet", icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E", rdns: "dev.heurist.e2e" },
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
