"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="Something went wrong loading this page" error={error} reset={reset} />;
}
