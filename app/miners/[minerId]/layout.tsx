import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { minerIdSchema } from "@/lib/schemas/ids";
import { minerExists } from "@/lib/server/queries/exists";

// An unknown miner ID is decided here, before anything streams, so it answers a real 404.
// No loading.tsx in this segment, as for wallets (see app/wallets/[address]/layout.tsx): the
// dashboard is sent in one pass rather than revealed behind a skeleton in one long task.
export default async function MinerLayout({ children, params }: { children: ReactNode; params: Promise<{ minerId: string }> }) {
  const parsed = minerIdSchema.safeParse(decodeURIComponent((await params).minerId));
  if (!parsed.success || !(await minerExists(parsed.data))) notFound();
  return children;
}
