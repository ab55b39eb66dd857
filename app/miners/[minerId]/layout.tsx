import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { minerIdSchema } from "@/lib/schemas/jobs";
import { minerExists } from "@/lib/server/queries/exists";

// Outside this segment's loading boundary: an unknown miner ID is decided before anything streams,
// so it answers a real 404 (the page below may stream behind its skeleton).
export default async function MinerLayout({ children, params }: { children: ReactNode; params: Promise<{ minerId: string }> }) {
  const parsed = minerIdSchema.safeParse(decodeURIComponent((await params).minerId));
  if (!parsed.success || !(await minerExists(parsed.data))) notFound();
  return children;
}
