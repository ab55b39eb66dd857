import { Skeleton, SkeletonPage, SkeletonStats, SkeletonTable } from "@/components/ui";

/** loading.tsx body shaped like the miner and wallet pages: title, stats, charts, panels, table. */
export function DashboardSkeleton({ label, table = true }: { label: string; table?: boolean }) {
  return (
    <SkeletonPage label={label}>
      <div className="space-y-2">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-8 w-72 max-w-full" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <SkeletonStats count={5} />
      <div className="grid gap-4 lg:grid-cols-3">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-60 rounded-xl" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-56 rounded-xl" />
        <Skeleton className="h-56 rounded-xl" />
      </div>
      {table ? <SkeletonTable rows={10} /> : <Skeleton className="h-96 rounded-xl" />}
    </SkeletonPage>
  );
}
