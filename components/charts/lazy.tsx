"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { ChartPlaceholder, WhenNear } from "./when-near";

// The server HTML carries a same-sized placeholder plus the data table that is the text alternative.

const RankedBarChart = dynamic(() => import("./ranked-bar-chart"), { ssr: false, loading: () => <ChartPlaceholder height={300} /> });

export function LazyRankedBarChart(props: ComponentProps<typeof RankedBarChart>) {
  const height = Math.max(120, props.data.length * 26 + 64);
  return (
    <WhenNear height={height}>
      <RankedBarChart {...props} />
    </WhenNear>
  );
}
