"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function EpochsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="Epochs could not be loaded" error={error} reset={reset} />;
}
