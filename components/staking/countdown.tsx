"use client";

import { useEffect, useState } from "react";
import { formatRemaining } from "@/lib/format";

/**
 * This computer's clock plus `offsetMs`, ticking each second; null until mounted, so server HTML
 * never disagrees with the browser's clock.
 */
export function useClock(offsetMs = 0): number | null {
  const [nowMs, setNowMs] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNowMs(Date.now() + offsetMs);
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [offsetMs]);
  return nowMs;
}

/** Time left until `to` at `nowMs`. Not a live region: a ticking value would flood a screen reader. */
export function Countdown({ to, nowMs, done = "unlocked" }: { to: string; nowMs: number | null; done?: string }) {
  if (nowMs === null) return null;
  const left = formatRemaining(Date.parse(to), nowMs);
  return <span className="tabular-nums">{left ? `in ${left}` : done}</span>;
}

/** A self-ticking countdown for server-rendered pages; `offsetMs` is how far chain time runs ahead of the clock. */
export function TickingCountdown({ to, offsetMs = 0, done }: { to: string; offsetMs?: number; done?: string }) {
  return <Countdown to={to} nowMs={useClock(offsetMs)} done={done} />;
}
