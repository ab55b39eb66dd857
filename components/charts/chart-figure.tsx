import type { ReactNode } from "react";

/**
 * A chart with its text alternative: the caption names it, and a disclosure holds the same
 * numbers as a real table (screen readers and keyboard users read that, the chart is aria-hidden).
 */
export function ChartFigure({
  title,
  summary,
  chart,
  table,
  tableLabel = "Show the numbers",
}: {
  title: ReactNode;
  summary?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  tableLabel?: string;
}) {
  return (
    <figure className="m-0">
      <figcaption className="mb-3">
        <span className="block text-sm font-semibold text-zinc-900 dark:text-zinc-50">{title}</span>
        {summary ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{summary}</span> : null}
      </figcaption>
      {chart}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-xs font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">{tableLabel}</summary>
        <div className="mt-2 max-h-72 overflow-y-auto">{table}</div>
      </details>
    </figure>
  );
}
