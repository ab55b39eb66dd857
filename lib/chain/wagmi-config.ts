// wagmi for the portal: injected wallets discovered through EIP-6963 (and WalletConnect when
// configured), state kept in a cookie so a server render and the browser agree about a returning visitor.
import { cookieStorage, createConfig, createStorage, http, injected } from "wagmi";
import { walletConnect } from "wagmi/connectors";
import { portalChain } from "./config";

// WalletConnect needs a project id (cloud.reown.com) and its relay; without an id it is left out.
const walletConnectProjectId = process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID;

export function createWagmiConfig() {
  return createConfig({
    chains: [portalChain],
    connectors: [injected(), ...(walletConnectProjectId ? [walletConnect({ projectId: walletConnectProjectId, showQrModal: true })] : [])],
    multiInjectedProviderDiscovery: true,
    ssr: true,
    storage: createStorage({ storage: cookieStorage, key: "heurist.wagmi" }),
    transports: { [portalChain.id]: http() },
  });
}

declare module "wagmi" {
  interface Register {
    config: ReturnType<typeof createWagmiConfig>;
  }
}
