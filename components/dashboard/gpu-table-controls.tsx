import Link from "next/link";
import type { ReactNode } from "react";
import { Th, hrefWith, type SearchParamsRecord } from "@/components/ui";
import { ariaSort, nextOrder } from "@/lib/dashboard/table-sort";
import { formatInt } from "@/lib/format";
import type { RewardSchedule } from "@/lib/points";
import type { FleetFilter, WalletMiner, WalletMinerSort } from "@/lib/schemas/wallets";

// The GPU table's controls: sort headers and filter links. Their state lives in the URL, so each is
// a link that keeps the rest of the table's state and starts again on page 1.

export interface GpuTableProps {
  path: string;
  searchParams: SearchParamsRecord;
  items: WalletMiner[];
  page: number;
  pageSize: number;
  total: number;
  gpuCount: number;
  sort: WalletMinerSort;
  order: "asc" | "desc";
  q: string | undefined;
  filters: Partial<Record<FleetFilter, boolean>>;
  /** The wallet's idle GPUs (the idle filter's count). */
  idle: number;
  schedule: RewardSchedule;
  now: Date;
}

export function SortHeader({ column, label, first, numeric, p }: { column: WalletMinerSort; label: ReactNode; first: "asc" | "desc"; numeric?: boolean; p: GpuTableProps }) {
  const current = { sort: p.sort, order: p.order };
  const state = ariaSort(column, current);
  const href = hrefWith(p.path, p.searchParams, { sort: column, order: nextOrder(column, current, first), page: null });
  const arrow = state === "ascending" ? "▲" : state === "descending" ? "▼" : "↕";
  return (
    <Th numeric={numeric} aria-sort={state}>
      <Link href={href} scroll={false} prefetch={false} className="inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-white">
        {label}
        <span aria-hidden="true" className={state === "none" ? "opacity-40" : ""}>
          {arrow}
        </span>
        <span className="sr-only">{state === "none" ? ", sort" : `, sorted ${state}; activate to reverse`}</span>
      </Link>
    </Th>
  );
}

export const FILTER_LABELS: Record<FleetFilter, string> = { idle: "Idle", belowMedian: "Below median", zeroEarning: "Zero-earning" };

/** Toggle links for the filters; each keeps the sort and the other filters, and starts on page 1. */
export function FilterLinks(p: GpuTableProps) {
  return (
    <ul className="flex flex-wrap items-center gap-2" aria-label="Show only">
      {(Object.keys(FILTER_LABELS) as FleetFilter[]).map((f) => {
        const on = Boolean(p.filters[f]);
        return (
          <li key={f}>
            <Link
              href={hrefWith(p.path, p.searchParams, { [f]: on ? null : 1, page: null })}
              scroll={false}
              prefetch={false}
              className={`inline-flex h-8 items-center rounded-full border px-3 text-sm ${on ? "border-indigo-600 bg-indigo-50 font-medium text-indigo-800 dark:border-indigo-400 dark:bg-indigo-950 dark:text-indigo-200" : "border-zinc-300 text-zinc-700 hover:border-zinc-500 dark:border-zinc-700 dark:text-zinc-300"}`}
            >
              {on ? <span aria-hidden="true">✓ </span> : null}
              {FILTER_LABELS[f]}
              {f === "idle" ? ` (${formatInt(p.idle)})` : ""}
              {/* A link, not a toggle button: the state lives in the URL, so it says its state in words. */}
              <span className="sr-only">{on ? ", shown only; activate to show all" : ""}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
