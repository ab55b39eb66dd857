import { Skeleton, SkeletonHeading, SkeletonPage, SkeletonTable } from "@/components/ui";

export default function Loading() {
  return (
    <SkeletonPage label="Loading epochs">
      <SkeletonHeading titleClass="w-40" />
      <Skeleton className="h-28 rounded-xl" />
      <Skeleton className="h-10 w-full max-w-xl" />
      <Skeleton className="h-48 rounded-xl" />
      <SkeletonTable rows={8} />
    </SkeletonPage>
  );
}
