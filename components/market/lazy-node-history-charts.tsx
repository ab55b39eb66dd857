"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { ChartPlaceholder, WhenNear } from "@/components/charts/when-near";
import type * as Charts from "./node-history-charts";

// recharts loads once a node-history chart comes near the viewport (components/charts/when-near.tsx):
// the miner page's history sits below the fold.

const Placeholder = () => <ChartPlaceholder />;
const load = () => import("./node-history-charts");
const BribeStepChart = dynamic(() => load().then((m) => m.BribeStepChart), { ssr: false, loading: Placeholder });
const StakeStepChart = dynamic(() => load().then((m) => m.StakeStepChart), { ssr: false, loading: Placeholder });
const AvailabilityBarChart = dynamic(() => load().then((m) => m.AvailabilityBarChart), { ssr: false, loading: Placeholder });

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
