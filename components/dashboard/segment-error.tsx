"use client";

import Link from "next/link";
import { useEffect } from "react";

/** error.tsx body for the miner and wallet pages: says what failed and offers a retry. */
export function SegmentError({ error, reset, retry, what }: { error: Error & { digest?: string }; reset: () => void; retry?: () => void; what: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">This {what} page could not load</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Your points are safe in the ledger; reading them failed this time, usually a brief database hiccup.
        {error.digest ? ` Reference: ${error.digest}.` : ""}
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <button
          type="button"
          // retry() re-fetches the server component (a database blip); reset() alone would re-render
          // the same failed payload.
          onClick={retry ?? reset}
          className="rounded-md bg-zinc-900 px-4 py-2 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          Try again
        </button>
        <Link href="/" className="rounded-md border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Network overview
        </Link>
      </div>
    </div>
  );
}
