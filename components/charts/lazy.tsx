"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps } from "react";

// recharts (~100 KB gzipped) loads only in the browser, in its own chunk, and only once a chart
// comes near the viewport: pages whose charts sit below the fold ship without it. The server
// HTML carries a same-sized placeholder plus the data table that is the text alternative.

function Placeholder({ height }: { height: number }) {
  return <div aria-hidden="true" style={{ height }} className="animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800/60" />;
}

const RankedBarChart = dynamic(() => import("./ranked-bar-chart"), { ssr: false, loading: () => <Placeholder height={300} /> });

function useNearViewport<T extends Element>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "300px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near];
}

export function LazyRankedBarChart(props: ComponentProps<typeof RankedBarChart>) {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const height = Math.max(120, props.data.length * 26 + 64);
  return <div ref={ref}>{near ? <RankedBarChart {...props} /> : <Placeholder height={height} />}</div>;
}
