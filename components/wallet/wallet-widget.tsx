"use client";

import { useState } from "react";
import { WalletPanel } from "./wallet-panel";
import { WalletProviders } from "./wallet-providers";
import { WalletStatus } from "./wallet-status";

/** Everything wallet-related, in one chunk that the header loads on demand. */
export default function WalletWidget({ initiallyOpen }: { initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <WalletProviders>
      <div className="relative">
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          className="rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium whitespace-nowrap hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          <WalletStatus />
        </button>
        {open && <WalletPanel onClose={() => setOpen(false)} />}
      </div>
    </WalletProviders>
  );
}
