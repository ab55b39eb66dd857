import type { ReactNode } from "react";
import { cn } from "./cn";

/** What to show instead of an empty table or chart: what is missing and what happens next. */
export function EmptyState({ title, children, action, className }: { title: ReactNode; children?: ReactNode; action?: ReactNode; className?: string }) {
  return (
    <div className={cn("rounded-xl border border-dashed border-zinc-300 px-4 py-8 text-center dark:border-zinc-700", className)}>
      <p className="font-medium text-zinc-900 dark:text-zinc-100">{title}</p>
      {children ? <div className="mx-auto mt-1 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
