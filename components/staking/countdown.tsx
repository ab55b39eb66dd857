"use client";

import { useEffect, useState } from "react";

/** "29 d 23 h", "4 h 12 min", "35 s": the time left until `toMs`, from `nowMs`; null once reached. */
export function formatRemaining(toMs: number, nowMs: number): string | null {
  const s = Math.floor((toMs - nowMs) / 1000);
  if (s <= 0) return null;
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s % 60} s`;
  return `${s} s`;
}

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
