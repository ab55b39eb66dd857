"use client";

import { useState } from "react";

/** Copies the page URL, which carries every input, so the estimate can be shared as is. */
export function CopyLinkButton() {
  const [copied, setCopied] = useState<null | "ok" | "failed">(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <button
      type="button"
      onClick={copy}
      className="shrink-0 rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      <span aria-live="polite">{copied === "ok" ? "Link copied" : copied === "failed" ? "Copy the address bar" : "Copy link"}</span>
    </button>
  );
}
