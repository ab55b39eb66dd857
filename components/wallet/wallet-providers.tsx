"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { WagmiProvider } from "wagmi";
import { createWagmiConfig } from "@/lib/chain/wagmi-config";

/** One wagmi config and one query client per browser tab; a non-zero staleTime avoids refetch storms. */
export function WalletProviders({ children }: { children: ReactNode }) {
  const [config] = useState(createWagmiConfig);
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }));
  return (
    <WagmiProvider config={config} reconnectOnMount>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </WagmiProvider>
  );
}
