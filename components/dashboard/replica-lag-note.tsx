import { lagNote, type ReadAsOf } from "@/lib/dashboard/replica-lag";

/**
 * Said only when the page was read from a replica more than a few seconds behind the primary:
 * the numbers are right as of that time, and newer jobs are counted but not shown yet.
 */
export function ReplicaLagNote({ read, now }: { read: ReadAsOf; now: Date }) {
  const text = lagNote(read, now);
  if (!text) return null;
  return (
    <p
      role="note"
      data-testid="replica-lag"
      className="rounded-md bg-amber-50 px-3 py-2 text-sm break-words text-amber-900 ring-1 ring-amber-200 ring-inset dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800"
    >
      {text}. Jobs reported since are counted and will show here once it catches up.
    </p>
  );
}
