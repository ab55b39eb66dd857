"use client";

import { useAccount } from "wagmi";
import { shortId } from "@/lib/format";

export function WalletStatus() {
  const { address, isConnected } = useAccount();
  return <>{isConnected && address ? shortId(address) : "Connect wallet"}</>;
}
