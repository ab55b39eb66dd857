import { Skeleton, SkeletonHeading, SkeletonPage, SkeletonTable } from "@/components/ui";

export default function Loading() {
  return (
    <SkeletonPage label="Loading the staking market">
      <SkeletonHeading titleClass="w-56" />
      <Skeleton className="h-28 rounded-xl" />
      <Skeleton className="h-7 w-32" />
      <Skeleton className="h-24 rounded-xl" />
      <SkeletonTable rows={12} />
    </SkeletonPage>
  );
}
