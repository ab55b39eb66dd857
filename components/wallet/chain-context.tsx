"use client";

import { createContext, useContext } from "react";
import type { Chain } from "viem";
import type { PortalChainConfig } from "@/lib/chain/config";

export interface PortalChain {
  config: PortalChainConfig;
  chain: Chain;
}

export const PortalChainContext = createContext<PortalChain | null>(null);

/** The chain the portal runs on (from GET /api/v1/chain); only inside <WalletProviders>. */
export function usePortalChain(): PortalChain {
  const value = useContext(PortalChainContext);
  if (!value) throw new Error("usePortalChain needs <WalletProviders> above it");
  return value;
}
