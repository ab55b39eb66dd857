import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { walletAddressSchema } from "@/lib/schemas/ids";
import { stakerExists, walletExists } from "@/lib/server/queries/exists";

// An unknown wallet (one that neither mines nor stakes) is decided here, before anything streams, so it answers a real 404.
// This segment has no loading.tsx on purpose: a skeleton puts the whole dashboard in a Suspense
// boundary streamed after it, and revealing that boundary styles and lays out every element in
// one long task, after the scripts, so the header paints late and the page blocks. The page's
// reads take ~0.1 s, so it is sent in one pass instead; see the wallet row in docs/BENCHMARKS.md.
export default async function WalletLayout({ children, params }: { children: ReactNode; params: Promise<{ address: string }> }) {
  const parsed = walletAddressSchema.safeParse((await params).address);
  if (!parsed.success) notFound();
  const [mines, stakes] = await Promise.all([walletExists(parsed.data), stakerExists(parsed.data)]);
  if (!mines && !stakes) notFound();
  return children;
}
