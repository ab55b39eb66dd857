"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { marketSearchPath } from "@/lib/market/node-picker";
import type { MarketResponse } from "@/lib/schemas/market";

/** `value` once it has stopped changing for `ms` (the first value at once). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

async function fetchMarket(path: string, signal: AbortSignal): Promise<MarketResponse> {
  const res = await fetch(path, { signal, cache: "no-store" });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `Searching the market failed (${res.status})`);
  return body as MarketResponse;
}

/**
 * The market's nodes matching a miner-ID or wallet prefix, best yield first for `stakeHeu`: asked
 * once typing pauses, with the last answer kept on screen while the next one loads.
 */
export function useMarketSearch(q: string | null, stakeHeu: string | null) {
  const settledQ = useDebounced(q, 250);
  const settledStake = useDebounced(stakeHeu, 400);
  const query = useQuery({
    queryKey: ["market-search", settledQ, settledStake],
    queryFn: ({ signal }) => fetchMarket(marketSearchPath(settledQ ?? "", settledStake), signal),
    enabled: settledQ !== null,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    retry: 1,
  });
  return { query, settledQ, typing: q !== settledQ || stakeHeu !== settledStake };
}
