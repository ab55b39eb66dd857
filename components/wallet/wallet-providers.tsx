"use client";

import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { WagmiProvider } from "wagmi";
import { chainFor, portalChainConfigOf, type PortalChainConfig } from "@/lib/chain/config";
import { wagmiConfigFor } from "@/lib/chain/wagmi-config";
import { PortalChainContext } from "./chain-context";
import { chainConfigKey, fetchChainStatus } from "./chain-queries";
import { markWalletLoaded } from "./use-was-connected";

// One query client per browser tab, shared by every wallet island on the page (header button,
// staking panels), so a transaction confirmed in one refreshes what the others show.
let browserClient: QueryClient | undefined;
function queryClient(): QueryClient {
  const create = () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
  if (typeof window === "undefined") return create();
  browserClient ??= create();
  return browserClient;
}

/**
 * wagmi and TanStack Query for a wallet island. The chain comes from the server at run time: pass
 * it as `chain` from a server component, or leave it out and it is fetched from /api/v1/chain.
 */
export function WalletProviders({ chain, children, loading }: { chain?: PortalChainConfig; children: ReactNode; loading?: ReactNode }) {
  const [client] = useState(queryClient);
  useEffect(markWalletLoaded, []);
  return (
    <QueryClientProvider client={client}>
      <ChainGate initial={chain} loading={loading}>
        {children}
      </ChainGate>
    </QueryClientProvider>
  );
}

function ChainGate({ initial, children, loading }: { initial?: PortalChainConfig; children: ReactNode; loading?: ReactNode }) {
  const query = useQuery({
    queryKey: chainConfigKey,
    queryFn: async () => portalChainConfigOf(await fetchChainStatus()),
    initialData: initial,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const config = query.data;
  const value = useMemo(() => (config ? { config, chain: chainFor(config) } : null), [config]);
  if (!value || !config) {
    if (query.isError)
      return (
        <span role="alert" className="px-3 py-2 text-sm text-red-700 dark:text-red-400">
          Wallet unavailable: {query.error.message}
        </span>
      );
    return <>{loading ?? <span className="px-3 py-2 text-sm text-zinc-600 dark:text-zinc-400">Loading wallet…</span>}</>;
  }
  return (
    <WagmiProvider config={wagmiConfigFor(config)} reconnectOnMount>
      <PortalChainContext.Provider value={value}>{children}</PortalChainContext.Provider>
    </WagmiProvider>
  );
}
