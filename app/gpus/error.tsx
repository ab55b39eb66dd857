"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function GpusError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="Top GPUs could not be loaded" error={error} reset={reset} />;
}
