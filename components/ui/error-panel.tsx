"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

/**
 * Body of an error.tsx: says what failed, offers a retry that re-fetches the server data
 * (router.refresh) and re-renders the segment (reset).
 */
export function ErrorPanel({ title, error, reset }: { title: string; error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-4 rounded-xl border border-red-200 bg-red-50 px-6 py-10 text-center dark:border-red-900 dark:bg-red-950/40">
      <h2 className="text-xl font-semibold text-zinc-900 dark:text-zinc-50">{title}</h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Your points are safe; only this page failed to load. This is usually brief: try again in a few seconds.
        {error.digest ? ` (Reference: ${error.digest})` : ""}
      </p>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
        className="rounded-md bg-zinc-900 px-4 py-2 font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
      >
        {pending ? "Retrying…" : "Try again"}
      </button>
    </div>
  );
}
