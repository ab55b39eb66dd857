import { Skeleton, SkeletonPage, SkeletonTable } from "@/components/ui";

export default function Loading() {
  return (
    <SkeletonPage label="Loading the staking market">
      <div className="space-y-2">
        <Skeleton className="h-9 w-56" />
        <Skeleton className="h-4 w-full max-w-2xl" />
      </div>
      <Skeleton className="h-28 rounded-xl" />
      <Skeleton className="h-7 w-32" />
      <Skeleton className="h-24 rounded-xl" />
      <SkeletonTable rows={12} />
    </SkeletonPage>
  );
}
