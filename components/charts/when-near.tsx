"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

// recharts (~100 KB gzipped) loads only in the browser, in its own chunk, and only once a chart
// comes near the viewport: pages whose charts sit below the fold ship without it. Until then a
// placeholder of the chart's height holds its place.

export function ChartPlaceholder({ height = 200 }: { height?: number }) {
  return <div aria-hidden="true" style={{ height }} className="animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800/60" />;
}

/** Renders `children` once the box comes within 300 px of the viewport, a placeholder before. */
export function WhenNear({ children, height = 200 }: { children: ReactNode; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: "300px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return <div ref={ref}>{near ? children : <ChartPlaceholder height={height} />}</div>;
}
