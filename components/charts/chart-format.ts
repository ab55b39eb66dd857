import { formatCompact, formatInt, formatPoints } from "@/lib/format";

// Charts receive a format *name* (functions cannot cross the server → client boundary).
export type ValueFormat = "points" | "int" | "ms" | "percent";

export function formatValue(value: number, format: ValueFormat): string {
  switch (format) {
    case "points":
      return formatPoints(value, value < 10 ? 3 : 1);
    case "int":
      return formatInt(value);
    case "ms":
      return `${formatInt(value)} ms`;
    case "percent":
      return `${formatPoints(value * 100, 1)} %`;
  }
}

export function formatAxis(value: number, format: ValueFormat): string {
  if (format === "percent") return `${Math.round(value * 100)}%`;
  return formatCompact(value);
}

/** "2026-11-22" → "Nov 22" (UTC, no locale drift between server and browser). */
export function formatDay(date: string): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const [, m, d] = date.split("-");
  return `${months[Number(m) - 1] ?? m} ${Number(d)}`;
}

export const CHART_COLORS = {
  waifu: "var(--chart-waifu)",
  llama: "var(--chart-llama)",
  neutral: "var(--chart-neutral)",
} as const;
export type ChartColor = keyof typeof CHART_COLORS;
