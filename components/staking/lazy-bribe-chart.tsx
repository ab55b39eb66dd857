"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { BribePoint } from "./bribe-chart";

function Placeholder() {
  return <div aria-hidden="true" style={{ height: 200 }} className="animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800/60" />;
}

const BribeChart = dynamic(() => import("./bribe-chart"), { ssr: false, loading: Placeholder });

/** recharts loads only once the chart comes near the viewport (see components/charts/lazy.tsx). */
export function LazyBribeChart({ data }: { data: BribePoint[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: "300px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return <div ref={ref}>{near ? <BribeChart data={data} /> : <Placeholder />}</div>;
}
