import type { ReactNode } from "react";
import { shortId } from "@/lib/format";

/** The head of a wallet's page: what the address is, its short form as the title, then it whole. */
export function AddressHeader({ kind, address, children }: { kind: string; address: string; children: ReactNode }) {
  return (
    <header className="space-y-2">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{kind}</p>
      <h1 id="page-title" className="text-2xl font-semibold tracking-tight sm:text-3xl">
        {shortId(address)}
      </h1>
      <p className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{address}</p>
      {children}
    </header>
  );
}
