// wagmi for the portal: injected wallets discovered through EIP-6963 (and WalletConnect when
// configured), state kept in a cookie so a returning visitor reconnects. The chain comes from the
// runtime config (lib/chain/config.ts), so the config is built in the browser once it is known.
import type { Chain } from "viem";
import { cookieStorage, createConfig, createStorage, http, injected } from "wagmi";
import { walletConnect } from "wagmi/connectors";
import { WALLETCONNECT_PROJECT_ID } from "../public-env";
import { chainFor, type PortalChainConfig } from "./config";

export function createWagmiConfig(chain: Chain) {
  return createConfig({
    chains: [chain],
    // WalletConnect needs a project id and its relay; without an id it is left out.
    connectors: [injected(), ...(WALLETCONNECT_PROJECT_ID ? [walletConnect({ projectId: WALLETCONNECT_PROJECT_ID, showQrModal: true })] : [])],
    multiInjectedProviderDiscovery: true,
    ssr: true,
    storage: createStorage({ storage: cookieStorage, key: "heurist.wagmi" }),
    transports: { [chain.id]: http(chain.rpcUrls.default.http[0]) },
  });
}

type WagmiConfig = ReturnType<typeof createWagmiConfig>;

let shared: { key: string; config: WagmiConfig } | undefined;

/**
 * One wagmi config per browser tab: the header's wallet button and the staking panels mount their
 * own providers but share this config, so a connection made in one is seen by the other.
 */
export function wagmiConfigFor(config: PortalChainConfig): WagmiConfig {
  const key = `${config.chainId}|${config.rpcUrl}`;
  if (typeof window === "undefined") return createWagmiConfig(chainFor(config));
  if (shared?.key !== key) shared = { key, config: createWagmiConfig(chainFor(config)) };
  return shared.config;
}

declare module "wagmi" {
  interface Register {
    config: WagmiConfig;
  }
}
