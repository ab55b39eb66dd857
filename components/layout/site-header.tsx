import Link from "next/link";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { ConnectButton } from "@/components/wallet/connect-button";
import type { ThemeChoice } from "@/components/theme/theme-cookie";
import { MobileMenu } from "./mobile-menu";
import { NavLinks } from "./nav-links";
import { SearchForm } from "./search-form";

export function SiteHeader({ theme }: { theme: ThemeChoice | undefined }) {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75 dark:border-zinc-800 dark:bg-zinc-950/90 dark:supports-[backdrop-filter]:bg-zinc-950/75">
      <div className="relative mx-auto flex max-w-6xl items-center gap-3 px-4 py-2.5">
        <Link href="/" aria-label="Heurist Mining Points, overview" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight text-zinc-900 dark:text-white">
          <span aria-hidden="true" className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-gradient-to-br from-waifu to-llama text-xs font-bold text-zinc-950">
            H
          </span>
          {/* On a phone the header holds menu, wallet and theme too: the mark alone names the site. */}
          <span className="hidden min-[420px]:inline">
            Heurist <span className="hidden sm:inline">Mining </span>Points
          </span>
        </Link>
        {/* Inline nav from 1024 px and the search box from 1280 px: below those widths they do not
            fit on one line beside the wallet button, and the menu holds both. */}
        <nav aria-label="Main" className="hidden lg:block">
          <NavLinks />
        </nav>
        <div className="ml-auto hidden w-52 xl:block">
          <SearchForm id="header-search" label="Site search" />
        </div>
        <div className="ml-auto flex shrink-0 items-center gap-2 xl:ml-0">
          <MobileMenu search={<SearchForm id="mobile-search" label="Site search (menu)" />} />
          <ConnectButton />
          <ThemeToggle initial={theme} />
        </div>
      </div>
    </header>
  );
}
