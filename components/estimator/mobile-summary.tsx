"use client";

import { useEffect, useState } from "react";
import { formatPoints, formatRate } from "@/lib/format";

/**
 * On narrow screens the results sit below the form: this bar keeps the headline figures in view
 * while editing and jumps to the breakdown. Hidden while the results card itself is on screen.
 */
export function MobileSummary({ targetId, perJob, perDay }: { targetId: string; perJob: number | null; perDay: number | null }) {
  const [targetVisible, setTargetVisible] = useState(false);
  useEffect(() => {
    const target = document.getElementById(targetId);
    if (!target || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => setTargetVisible(entry?.isIntersecting ?? false), { threshold: 0.1 });
    observer.observe(target);
    return () => observer.disconnect();
  }, [targetId]);
  const text = (n: number | null, rate = false) => (n === null ? "–" : rate ? formatRate(n) : formatPoints(n, 2));
  return (
    <a
      href={`#${targetId}`}
      className={`fixed inset-x-3 bottom-3 z-20 flex items-center justify-between gap-3 rounded-xl bg-zinc-900 px-4 py-3 text-sm text-white shadow-lg transition-opacity lg:hidden dark:bg-zinc-100 dark:text-zinc-900 ${
        targetVisible ? "pointer-events-none opacity-0" : "opacity-100"
      }`}
      aria-hidden={targetVisible ? true : undefined}
      tabIndex={targetVisible ? -1 : undefined}
    >
      <span className="tabular-nums">
        <strong>{text(perJob)}</strong> per job · <strong>{text(perDay, true)}</strong> per day online
      </span>
      <span className="font-medium underline">Breakdown</span>
    </a>
  );
}
