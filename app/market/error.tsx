"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function MarketError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="The staking market could not be loaded" error={error} reset={reset} />;
}
