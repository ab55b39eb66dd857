import { Skeleton, SkeletonHeading, SkeletonPage, SkeletonTable } from "@/components/ui";

export default function Loading() {
  return (
    <SkeletonPage label="Loading top GPUs">
      <SkeletonHeading titleClass="w-48" />
      <div className="flex items-end justify-between">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-9 w-44" />
      </div>
      <div className="grid gap-4 lg:grid-cols-5">
        <Skeleton className="h-96 rounded-xl lg:col-span-2" />
        <div className="lg:col-span-3">
          <SkeletonTable rows={10} />
        </div>
      </div>
      <Skeleton className="h-7 w-52" />
      <SkeletonTable rows={12} />
    </SkeletonPage>
  );
}
