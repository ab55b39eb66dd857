"use client";

import { useSyncExternalStore } from "react";

// wagmi keeps its state in this cookie (lib/chain/wagmi-config.ts); a stored connection means the
// visitor connected before, so wallet code can load at once instead of on the first click.
const CONNECTED_COOKIE = /(?:^|;\s*)heurist\.wagmi\.store=[^;]*connections/;

const noSubscription = () => () => undefined;

export function useWasConnected(): boolean {
  return useSyncExternalStore(noSubscription, () => CONNECTED_COOKIE.test(decodeURIComponent(document.cookie)), () => false);
}
