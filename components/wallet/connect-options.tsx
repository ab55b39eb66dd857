"use client";

import { useAccount, useConnect, useSwitchChain } from "wagmi";
import { usePortalChain } from "./chain-context";

export const walletButton =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** The wallets the browser offers (EIP-6963, injected, WalletConnect when configured). */
export function ConnectOptions({ intro }: { intro: string }) {
  const { connectors, connect, isPending, error } = useConnect();
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{intro}</p>
      {connectors.length === 0 ? (
        <p className="text-sm">No browser wallet found. Install one (MetaMask, Rabby, …) and reload.</p>
      ) : (
        <ul className="space-y-2">
          {connectors.map((c) => (
            <li key={c.uid}>
              <button type="button" className={`${walletButton} w-full text-left`} disabled={isPending} onClick={() => connect({ connector: c })}>
                {c.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error.message.split("\n")[0]}
        </p>
      )}
    </div>
  );
}

/** True when a wallet is connected on another chain than the portal's (the wallet's own chain, not wagmi's fallback). */
export function useWrongNetwork(): boolean {
  const { isConnected, chainId } = useAccount();
  const { chain } = usePortalChain();
  return isConnected && chainId !== chain.id;
}

/** "Your wallet is on chain X" with a button that asks the wallet to switch. */
export function WrongNetworkPrompt() {
  const { chainId } = useAccount();
  const { chain } = usePortalChain();
  const { switchChain, isPending, error } = useSwitchChain();
  return (
    <div role="alert" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
      <p>
        Your wallet is on chain {chainId}; the portal uses {chain.name} ({chain.id}).
      </p>
      <button type="button" className={walletButton} disabled={isPending} onClick={() => switchChain({ chainId: chain.id })}>
        Switch to {chain.name}
      </button>
      {error && <p>{error.message.split("\n")[0]}</p>}
    </div>
  );
}
