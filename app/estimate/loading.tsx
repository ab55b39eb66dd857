import { Skeleton, SkeletonHeading, SkeletonPage } from "@/components/ui";

// Shaped like the estimator (inputs on the left, the results card on the right) so nothing jumps.
export default function Loading() {
  return (
    <SkeletonPage label="Loading the estimator">
      <SkeletonHeading titleClass="w-64" lineClass="h-10 max-w-3xl" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <div className="space-y-4">
          <Skeleton className="h-32 rounded-xl" />
          <Skeleton className="h-36 rounded-xl" />
          <Skeleton className="h-64 rounded-xl" />
          <Skeleton className="h-96 rounded-xl" />
        </div>
        <Skeleton className="h-[40rem] rounded-xl" />
      </div>
    </SkeletonPage>
  );
}
