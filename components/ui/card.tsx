import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { cn } from "./cn";

export type CardTone = "default" | "warning" | "danger";

// Colours live in the tone, not in className: without class merging, a className bg-* would not
// reliably beat the default bg-white.
const tones: Record<CardTone, string> = {
  // --surface: the colour a scrolling table's edge covers must match (globals.css, .scroll-cue).
  default: "border-zinc-200 bg-white [--surface:var(--color-white)] dark:border-zinc-800 dark:bg-zinc-900 dark:[--surface:var(--color-zinc-900)]",
  warning:
    "border-amber-300 bg-amber-50 [--surface:var(--color-amber-50)] dark:border-amber-800 dark:bg-amber-950/40 dark:[--surface:color-mix(in_oklab,var(--color-amber-950)_40%,var(--color-zinc-950))]",
  danger:
    "border-red-300 bg-red-50 [--surface:var(--color-red-50)] dark:border-red-900 dark:bg-red-950/40 dark:[--surface:color-mix(in_oklab,var(--color-red-950)_40%,var(--color-zinc-950))]",
};

/** A bordered surface. Use `as="section"` with `aria-labelledby` for a landmark. */
export function Card({
  as: Tag = "div",
  tone = "default",
  className,
  children,
  ...rest
}: { as?: "div" | "section" | "article" | "aside"; tone?: CardTone; children: ReactNode } & ComponentPropsWithoutRef<"div">) {
  return (
    <Tag className={cn("min-w-0 rounded-xl border p-4 shadow-sm sm:p-5", tones[tone], className)} {...rest}>
      {children}
    </Tag>
  );
}

export function CardTitle({ id, children, className }: { id?: string; children: ReactNode; className?: string }) {
  return (
    <h3 id={id} className={cn("text-base font-semibold text-zinc-900 dark:text-zinc-50", className)}>
      {children}
    </h3>
  );
}
