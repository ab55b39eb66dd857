"use client";

import { CHAIN_CONFIG_URL } from "@/lib/chain/config";
import type { ChainConfigResponse } from "@/lib/schemas/staking";

export const chainStatusKey = ["chain-status"] as const;
export const chainConfigKey = ["chain-config"] as const;

export async function fetchChainStatus(): Promise<ChainConfigResponse> {
  const res = await fetch(CHAIN_CONFIG_URL, { cache: "no-store" });
  if (!res.ok) throw new Error(`The chain configuration could not be loaded (${res.status}).`);
  return (await res.json()) as ChainConfigResponse;
}
