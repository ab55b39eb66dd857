import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { walletAddressSchema } from "@/lib/schemas/jobs";
import { walletExists } from "@/lib/server/queries/exists";

// Outside this segment's loading boundary: an unknown wallet is decided before anything streams,
// so it answers a real 404 (the page below may stream behind its skeleton).
export default async function WalletLayout({ children, params }: { children: ReactNode; params: Promise<{ address: string }> }) {
  const parsed = walletAddressSchema.safeParse((await params).address);
  if (!parsed.success || !(await walletExists(parsed.data))) notFound();
  return children;
}
