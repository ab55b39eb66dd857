"use client";

import Link from "next/link";
import { useState } from "react";
import { useAccount, useConnect, useDisconnect, useSwitchChain } from "wagmi";
import { portalChain } from "@/lib/chain/config";
import { shortId } from "@/lib/format";
import { useSession } from "./use-session";

const button =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Connect, switch network, sign in, and go to "My mining". Loaded only when a visitor asks for it. */
export function WalletPanel({ onClose }: { onClose: () => void }) {
  // The wallet's own chain (useChainId would fall back to a configured one).
  const { address, isConnected, chainId } = useAccount();
  const { connectors, connect, isPending, error: connectError } = useConnect();
  const { disconnect } = useDisconnect();
  const { switchChain, isPending: switching } = useSwitchChain();
  const { session, signIn, signOut } = useSession();
  const [error, setError] = useState<string | null>(null);
  const wrongNetwork = isConnected && chainId !== portalChain.id;
  const signedIn = session && address && session.address === address.toLowerCase();

  return (
    <div role="dialog" aria-label="Wallet" className="absolute right-0 top-full z-50 mt-2 w-80 max-w-[calc(100vw-2rem)] space-y-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
      {!isConnected ? (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Connect the wallet your GPUs mine to.</p>
          {connectors.length === 0 ? (
            <p className="text-sm">No browser wallet found. Install one (MetaMask, Rabby, …) and reload.</p>
          ) : (
            <ul className="space-y-2">
              {connectors.map((c) => (
                <li key={c.uid}>
                  <button type="button" className={`${button} w-full text-left`} disabled={isPending} onClick={() => connect({ connector: c })}>
                    {c.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {connectError && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{connectError.message.split("\n")[0]}</p>}
        </>
      ) : (
        <>
          <p className="text-sm">
            Connected as <span className="font-mono">{shortId(address!)}</span>
          </p>
          {wrongNetwork ? (
            <div role="alert" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
              <p>Your wallet is on chain {chainId}; the portal uses {portalChain.name} ({portalChain.id}).</p>
              <button type="button" className={button} disabled={switching} onClick={() => switchChain({ chainId: portalChain.id })}>
                Switch to {portalChain.name}
              </button>
            </div>
          ) : signedIn ? (
            <p className="text-sm text-emerald-700 dark:text-emerald-400">Signed in: you can manage this wallet&apos;s boost slots.</p>
          ) : (
            <button
              type="button"
              className={button}
              onClick={() => signIn(address!, chainId ?? portalChain.id).then(() => setError(null), (e: Error) => setError(e.message.split("\n")[0] ?? "Sign-in failed"))}
            >
              Sign in with Ethereum
            </button>
          )}
          {error && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p>}
          <div className="flex flex-wrap gap-2">
            <Link href={`/wallets/${address!.toLowerCase()}`} className={button} onClick={onClose}>
              My mining
            </Link>
            <button type="button" className={button} onClick={() => { void signOut(); disconnect(); }}>
              Disconnect
            </button>
          </div>
        </>
      )}
    </div>
  );
}
