"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useState, type ReactNode } from "react";
import { NavLinks } from "./nav-links";

/**
 * The small-screen menu: a disclosure button with the nav and search in a panel. From 1024 px the
 * nav is inline, so the same button is "Find" and its panel holds only the search (the inline
 * search box needs 1280 px to fit on the header's one line).
 */
export function MobileMenu({ search }: { search: ReactNode }) {
  const [openAt, setOpenAt] = useState<string | null>(null);
  const pathname = usePathname();
  const panelId = useId();
  // Open state is tied to the path it was opened on, so navigating closes it without an effect.
  const open = openAt === pathname;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpenAt(null);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="xl:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpenAt(open ? null : pathname)}
        className="inline-flex h-9 items-center gap-2 rounded-md border border-zinc-300 px-3 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? (
            <path strokeLinecap="round" d="M6 6l12 12M18 6L6 18" />
          ) : (
            <>
              <path className="lg:hidden" strokeLinecap="round" d="M4 7h16M4 12h16M4 17h16" />
              <path className="hidden lg:inline" strokeLinecap="round" d="M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zm5-2 4 4" />
            </>
          )}
        </svg>
        <span className="lg:hidden">Menu</span>
        <span className="hidden lg:inline">
          Find<span className="sr-only"> a miner or wallet</span>
        </span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute inset-x-0 top-full z-40 border-b border-zinc-200 bg-white px-4 pb-4 pt-2 shadow-lg dark:border-zinc-800 dark:bg-zinc-950"
      >
        {/* Rendered only while open: a closed menu adds nothing to lay out or hydrate. */}
        {open ? (
          <>
            <nav aria-label="Main (mobile)" className="mb-3 lg:hidden">
              <NavLinks vertical onNavigate={() => setOpenAt(null)} />
            </nav>
            <div className="lg:ml-auto lg:max-w-md">{search}</div>
          </>
        ) : null}
      </div>
    </div>
  );
}
