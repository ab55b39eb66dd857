"use client";

import { SegmentError } from "@/components/dashboard/segment-error";

export default function WalletError({ error, reset, retry }: { error: Error & { digest?: string }; reset: () => void; retry?: () => void }) {
  return <SegmentError error={error} reset={reset} retry={retry} what="wallet" />;
}
