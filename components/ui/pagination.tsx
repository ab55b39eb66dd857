import Link from "next/link";
import { formatInt } from "@/lib/format";
import { cn } from "./cn";
import { hrefWith, type SearchParamsRecord } from "./href";

const linkClass =
  "inline-flex min-h-9 min-w-9 items-center justify-center rounded-md border border-zinc-300 px-3 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800";
const disabledClass =
  "inline-flex min-h-9 min-w-9 items-center justify-center rounded-md border border-zinc-200 px-3 text-sm text-zinc-500 dark:border-zinc-800 dark:text-zinc-500";

/**
 * Server-rendered page links (`?page=N`, other params kept). Works without JavaScript.
 * `param` lets two paginated lists share a page (e.g. "lbPage"). Not prefetched: another page of
 * the same list is fetched when clicked, not on every load of this one.
 */
export function Pagination({
  path,
  searchParams,
  page,
  pageSize,
  total,
  param = "page",
  label = "Pagination",
  scroll = true,
}: {
  path: string;
  searchParams: SearchParamsRecord;
  page: number;
  pageSize: number;
  total: number;
  param?: string;
  label?: string;
  /** Pass false to keep the scroll position (tables mid-page). */
  scroll?: boolean;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  const href = (p: number) => hrefWith(path, searchParams, { [param]: p === 1 ? null : p });
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const nav = (p: number, text: string, rel?: string, ariaLabel?: string) =>
    p < 1 || p > pages || p === page ? (
      <span className={disabledClass} aria-disabled="true">
        {text}
      </span>
    ) : (
      <Link href={href(p)} rel={rel} className={linkClass} aria-label={ariaLabel} scroll={scroll} prefetch={false}>
        {text}
      </Link>
    );
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400">
        {formatInt(first)}–{formatInt(last)} of {formatInt(total)}
      </p>
      <div className={cn("flex items-center gap-2")}>
        {nav(1, "«", undefined, "First page")}
        {nav(page - 1, "‹ Prev", "prev", "Previous page")}
        <span className="px-1 tabular-nums text-zinc-700 dark:text-zinc-300" aria-current="page">
          Page {formatInt(page)} of {formatInt(pages)}
        </span>
        {nav(page + 1, "Next ›", "next", "Next page")}
        {nav(pages, "»", undefined, "Last page")}
      </div>
    </nav>
  );
}
