import { Skeleton, SkeletonPage, SkeletonStats, SkeletonTable } from "@/components/ui";

// Shaped like the overview: heading and search, the five stats, two model tables, charts.
export default function Loading() {
  return (
    <SkeletonPage label="Loading the network overview">
      <div className="space-y-3">
        <Skeleton className="h-9 w-64" />
        <Skeleton className="h-4 w-full max-w-xl" />
        <Skeleton className="h-12 w-full max-w-2xl" />
      </div>
      <Skeleton className="h-7 w-48" />
      <SkeletonStats count={5} />
      <div className="grid gap-4 lg:grid-cols-2">
        <SkeletonTable rows={8} />
        <SkeletonTable rows={4} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Skeleton className="h-60 rounded-xl" />
        <Skeleton className="h-60 rounded-xl" />
        <Skeleton className="h-60 rounded-xl" />
      </div>
    </SkeletonPage>
  );
}
