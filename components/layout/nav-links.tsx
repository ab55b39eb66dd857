"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { NAV_ITEMS, isActive } from "./nav-items";

/** Main navigation links; marks the current section with aria-current. */
export function NavLinks({ vertical = false, onNavigate }: { vertical?: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  // Block-level and unwrappable: an inline link measured a 12 px box and "Top GPUs" broke in two.
  const base = vertical ? "block rounded-md px-3 py-2 text-base" : "block whitespace-nowrap rounded-md px-2.5 py-2 text-sm xl:px-3";
  return (
    <ul className={cn(vertical ? "space-y-1" : "flex items-center gap-0.5 xl:gap-1")}>
      {NAV_ITEMS.map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                base,
                "font-medium",
                active
                  ? "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-white"
                  : "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
