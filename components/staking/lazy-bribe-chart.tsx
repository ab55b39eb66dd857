"use client";

import dynamic from "next/dynamic";
import { ChartPlaceholder, WhenNear } from "@/components/charts/when-near";
import type { BribePoint } from "./bribe-chart";

const BribeChart = dynamic(() => import("./bribe-chart"), { ssr: false, loading: () => <ChartPlaceholder /> });

/** recharts loads only once the chart comes near the viewport (components/charts/when-near.tsx). */
export function LazyBribeChart({ data }: { data: BribePoint[] }) {
  return (
    <WhenNear>
      <BribeChart data={data} />
    </WhenNear>
  );
}
