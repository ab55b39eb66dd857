import type { ReactNode } from "react";
import { cn } from "./cn";

/** A grid of stats; renders a <dl> so each label is bound to its value. */
export function StatGrid({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={cn("grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 max-sm:[&>*:last-child:nth-child(odd)]:col-span-2", className)}>{children}</dl>;
}

export type StatTone = "default" | "waifu" | "llama";

const toneBar: Record<StatTone, string> = {
  default: "before:bg-zinc-300 dark:before:bg-zinc-700",
  waifu: "before:bg-waifu",
  llama: "before:bg-llama",
};

/** One label/value pair; must sit inside <StatGrid> (or another <dl>). */
export function Stat({ label, value, hint, tone = "default", className }: { label: ReactNode; value: ReactNode; hint?: ReactNode; tone?: StatTone; className?: string }) {
  return (
    <div
      className={cn(
        "relative overflow-hidden rounded-xl border border-zinc-200 bg-white p-4 pl-5 shadow-sm before:absolute before:inset-y-0 before:left-0 before:w-1 dark:border-zinc-800 dark:bg-zinc-900",
        toneBar[tone],
        className,
      )}
    >
      <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums tracking-tight text-zinc-900 dark:text-zinc-50">{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{hint}</dd> : null}
    </div>
  );
}
