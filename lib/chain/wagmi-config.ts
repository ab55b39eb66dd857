// wagmi for the portal: injected wallets discovered through EIP-6963, state kept in a cookie so a
// server render and the browser agree about a returning visitor.
import { cookieStorage, createConfig, createStorage, http, injected } from "wagmi";
import { portalChain } from "./config";

export function createWagmiConfig() {
  return createConfig({
    chains: [portalChain],
    connectors: [injected()],
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
