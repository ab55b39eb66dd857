import { SkeletonPage } from "@/components/ui";

export default function Loading() {
  return <SkeletonPage label="Loading the staking market" heading="w-56" blocks={["h-28 rounded-xl", "h-7 w-32", "h-24 rounded-xl"]} table={12} />;
}
