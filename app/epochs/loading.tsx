import { SkeletonPage } from "@/components/ui";

export default function Loading() {
  return <SkeletonPage label="Loading epochs" heading="w-40" blocks={["h-28 rounded-xl", "h-10 w-full max-w-xl", "h-48 rounded-xl"]} table={8} />;
}
