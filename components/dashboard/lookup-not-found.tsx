import Link from "next/link";
import { SearchForm } from "@/components/layout/search-form";

/** not-found.tsx body: why an ID may have no page yet, and a search box to try another. */
export function LookupNotFound({ what }: { what: "miner" | "wallet" }) {
  return (
    <div className="mx-auto max-w-xl space-y-6 py-12">
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">{what === "miner" ? "No such miner yet" : "No such wallet yet"}</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          {what === "miner"
            ? "No job has been reported for this miner ID. A miner ID is the reward wallet plus an optional device tag, e.g. 0xabc…-4090rig; it appears here after its first job."
            : "No GPU of this wallet has reported a job and it has never staked. A wallet address is 0x followed by 40 hex characters; it appears here after the first job of any of its GPUs, or its first stake on a node."}
        </p>
      </div>
      <SearchForm id="not-found-search" size="lg" />
      <ul className="space-y-1 text-sm text-zinc-600 dark:text-zinc-400">
        <li>Check for a missing character: copy the ID from your miner&apos;s config or log.</li>
        <li>{what === "miner" ? "Search the wallet address alone to list all of its GPUs." : "Search a miner ID (wallet-tag) to open one GPU."}</li>
        {what === "wallet" ? (
          <li>
            Staking? Pick a node in the{" "}
            <Link href="/market" className="text-indigo-700 hover:underline dark:text-indigo-300">
              staking market
            </Link>
            ; this page lists your stakes once the chain confirms the first one.
          </li>
        ) : null}
        <li>
          A new GPU shows up within a minute of its first completed job. Meanwhile, see the{" "}
          <Link href="/" className="text-indigo-700 hover:underline dark:text-indigo-300">
            network overview
          </Link>
          .
        </li>
      </ul>
    </div>
  );
}
