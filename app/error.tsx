"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong loading this page</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        The data is safe; this page could not be shown. {error.digest ? `Reference: ${error.digest}.` : ""}
      </p>
      <button type="button" onClick={reset} className="rounded-md bg-zinc-900 px-4 py-2 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">
        Try again
      </button>
    </div>
  );
}
