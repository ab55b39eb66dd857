import Link from "next/link";
import { NAV_ITEMS, OPENAPI_JSON_HREF } from "./nav-items";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-zinc-600 sm:flex-row sm:items-start sm:justify-between dark:text-zinc-400">
        <div className="max-w-md space-y-1">
          <p className="font-medium text-zinc-900 dark:text-zinc-100">Heurist Mining Points</p>
          <p>
            Llama and Waifu Points of the Heurist GPU network. Every job is priced by a versioned reward schedule and every point can be explained factor by factor. Points become
            esHEU when a weekly epoch closes (Friday 00:00 UTC).
          </p>
        </div>
        <nav aria-label="Footer">
          <ul className="grid grid-cols-2 gap-x-8 gap-y-1">
            {NAV_ITEMS.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="hover:text-zinc-900 hover:underline dark:hover:text-white">
                  {item.label}
                </Link>
              </li>
            ))}
            <li>
              <a href={OPENAPI_JSON_HREF} className="hover:text-zinc-900 hover:underline dark:hover:text-white">
                OpenAPI JSON
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
