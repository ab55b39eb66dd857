/** What a panel shows before its query has data: a loading line, then the error as an alert. */
export function QueryStatus({ query, loading }: { query: { isLoading: boolean; error: Error | null }; loading: string }) {
  if (query.isLoading) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{loading}</p>;
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      {query.error?.message ?? "No data"}
    </p>
  );
}
