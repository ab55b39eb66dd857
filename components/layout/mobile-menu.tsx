"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useState, type ReactNode } from "react";
import { NavLinks } from "./nav-links";

/** The small-screen menu: a disclosure button with the nav and search in a panel. */
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
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpenAt(open ? null : pathname)}
        className="inline-flex h-9 items-center gap-2 rounded-md border border-zinc-300 px-3 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? <path strokeLinecap="round" d="M6 6l12 12M18 6L6 18" /> : <path strokeLinecap="round" d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        Menu
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute inset-x-0 top-full z-40 border-b border-zinc-200 bg-white px-4 pb-4 pt-2 shadow-lg dark:border-zinc-800 dark:bg-zinc-950"
      >
        {/* Rendered only while open: a closed menu adds nothing to lay out or hydrate. */}
        {open ? (
          <>
            <nav aria-label="Main (mobile)">
              <NavLinks vertical onNavigate={() => setOpenAt(null)} />
            </nav>
            <div className="mt-3">{search}</div>
          </>
        ) : null}
      </div>
    </div>
  );
}
