"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { useWasConnected } from "./use-was-connected";

// wagmi, viem and the query client weigh more than the rest of a page; they load on the first
// click, or right away for a visitor whose wallet was connected before (wagmi's cookie).
const WalletWidget = dynamic(() => import("./wallet-widget"), {
  ssr: false,
  loading: () => <span className="px-3 py-2 text-sm whitespace-nowrap text-zinc-500">Loading wallet…</span>,
});

export function ConnectButton() {
  const [clicked, setClicked] = useState(false);
  const wasConnected = useWasConnected();
  if (clicked || wasConnected) return <WalletWidget initiallyOpen={clicked} />;
  return (
    <button
      type="button"
      aria-label="Connect wallet"
      onClick={() => setClicked(true)}
      className="rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium whitespace-nowrap hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      <span className="sm:hidden">Connect</span>
      <span className="hidden sm:inline">Connect wallet</span>
    </button>
  );
}
