import Link from "next/link";
import { cn } from "./cn";

/**
 * A segmented control made of links (state lives in the URL, works without JavaScript).
 * The active link carries aria-current="page".
 */
export function TabLinks({ label, items, className }: { label: string; items: { href: string; label: string; active: boolean }[]; className?: string }) {
  return (
    <nav aria-label={label} className={cn("inline-flex rounded-lg border border-zinc-300 bg-zinc-100 p-0.5 dark:border-zinc-700 dark:bg-zinc-900", className)}>
      {items.map((item) => (
        <Link
          key={item.href + item.label}
          href={item.href}
          scroll={false}
          // The same page with other state: nothing worth fetching ahead, and it saves work on load.
          prefetch={false}
          aria-current={item.active ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap",
            item.active ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-700 dark:text-white" : "text-zinc-700 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white",
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
