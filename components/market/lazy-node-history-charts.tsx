"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from "react";
import type * as Charts from "./node-history-charts";

// recharts loads only in the browser, in its own chunk, once a node-history chart comes near the
// viewport (as components/charts/lazy.tsx does for the leaderboards): the miner page's history sits
// below the fold. Until then a placeholder of the chart's height holds its place.

const HEIGHT = 200;

function Placeholder() {
  return <div aria-hidden="true" style={{ height: HEIGHT }} className="animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800/60" />;
}

const load = () => import("./node-history-charts");
const BribeStepChart = dynamic(() => load().then((m) => m.BribeStepChart), { ssr: false, loading: Placeholder });
const StakeStepChart = dynamic(() => load().then((m) => m.StakeStepChart), { ssr: false, loading: Placeholder });
const AvailabilityBarChart = dynamic(() => load().then((m) => m.AvailabilityBarChart), { ssr: false, loading: Placeholder });

function WhenNear({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: "300px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return <div ref={ref}>{near ? children : <Placeholder />}</div>;
}

export function LazyBribeStepChart(props: ComponentProps<typeof Charts.BribeStepChart>) {
  return (
    <WhenNear>
      <BribeStepChart {...props} />
    </WhenNear>
  );
}

export function LazyStakeStepChart(props: ComponentProps<typeof Charts.StakeStepChart>) {
  return (
    <WhenNear>
      <StakeStepChart {...props} />
    </WhenNear>
  );
}

export function LazyAvailabilityBarChart(props: ComponentProps<typeof Charts.AvailabilityBarChart>) {
  return (
    <WhenNear>
      <AvailabilityBarChart {...props} />
    </WhenNear>
  );
}
