import { EmptyState } from "@/components/ui";
import { everyLabel } from "@/lib/snapshots/schedule";

/** The empty state of a page section whose snapshot the worker has not built yet (a fresh install). */
export function SnapshotPending({ what, intervalSeconds }: { what: string; intervalSeconds: number }) {
  return (
    <EmptyState title={`${what} not computed yet`}>
      The worker computes {what.toLowerCase()} {everyLabel(intervalSeconds)}, the first time right after it starts. Reload in a minute; if it still shows this, the operator should
      check that <code>npm run worker</code> is running.
    </EmptyState>
  );
}
