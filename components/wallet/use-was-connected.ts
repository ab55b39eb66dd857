"use client";

import { useSyncExternalStore } from "react";

// wagmi keeps its state in this cookie (lib/chain/wagmi-config.ts); a stored connection means the
// visitor connected before, so wallet code can load at once instead of on the first click.
const CONNECTED_COOKIE = /(?:^|;\s*)heurist\.wagmi\.store=[^;]*connections/;

// Once any wallet island on the page has loaded (the header's button, a staking panel), the others
// load too: they share one wagmi config, so a wallet connected in one shows in all.
let loaded = false;
const listeners = new Set<() => void>();

export function markWalletLoaded(): void {
  if (loaded) return;
  loaded = true;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function useWasConnected(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => loaded || CONNECTED_COOKIE.test(decodeURIComponent(document.cookie)),
    () => false,
  );
}
