"use client";

import Link from "next/link";
import { useState } from "react";
import { useAccount, useDisconnect } from "wagmi";
import { shortId } from "@/lib/format";
import { usePortalChain } from "./chain-context";
import { ConnectOptions, walletButton as button, useWrongNetwork, WrongNetworkPrompt } from "./connect-options";
import { useSession } from "./use-session";

/** Connect, switch network, sign in, and go to "My mining". Loaded only when a visitor asks for it. */
export function WalletPanel({ onClose }: { onClose: () => void }) {
  // The wallet's own chain (useChainId would fall back to a configured one).
  const { address, isConnected, chainId } = useAccount();
  const { chain } = usePortalChain();
  const { disconnect } = useDisconnect();
  const { session, signIn, signOut } = useSession();
  const [error, setError] = useState<string | null>(null);
  const wrongNetwork = useWrongNetwork();
  const signedIn = session && address && session.address === address.toLowerCase();

  return (
    <div
      role="dialog"
      aria-label="Wallet"
      className="absolute right-0 top-full z-50 mt-2 w-80 max-w-[calc(100vw-2rem)] space-y-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
    >
      {!isConnected ? (
        <ConnectOptions intro="Connect the wallet your GPUs mine to, or the one you stake from." />
      ) : (
        <>
          <p className="text-sm">
            Connected as <span className="font-mono">{shortId(address!)}</span>
          </p>
          {wrongNetwork ? (
            <WrongNetworkPrompt />
          ) : signedIn ? (
            <p className="text-sm text-emerald-700 dark:text-emerald-400">Signed in: you can manage this wallet&apos;s boost slots.</p>
          ) : (
            <button
              type="button"
              className={button}
              onClick={() =>
                signIn(address!, chainId ?? chain.id).then(
                  () => setError(null),
                  (e: Error) => setError(e.message.split("\n")[0] ?? "Sign-in failed"),
                )
              }
            >
              Sign in with Ethereum
            </button>
          )}
          {error && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {error}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Link href={`/wallets/${address!.toLowerCase()}`} className={button} onClick={onClose}>
              My mining
            </Link>
            <Link href="/market#my-stakes" className={button} onClick={onClose}>
              My stakes
            </Link>
            <button
              type="button"
              className={button}
              onClick={() => {
                void signOut();
                disconnect();
              }}
            >
              Disconnect
            </button>
          </div>
        </>
      )}
    </div>
  );
}
