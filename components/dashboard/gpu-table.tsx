import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, EmptyState, Pagination, Table, THead, Th, hrefWith, type SearchParamsRecord } from "@/components/ui";
import { availabilityShort, availabilityTitle } from "@/lib/dashboard/availability";
import { ariaSort, nextOrder } from "@/lib/dashboard/table-sort";
import { formatAgo } from "@/lib/dashboard/time";
import { formatInt, formatMultiplier, formatPercent, formatPoints } from "@/lib/format";
import { ppmToNumber, stakeMultiplierPpm, type RewardSchedule } from "@/lib/points";
import type { WalletMiner, WalletMinerSort } from "@/lib/schemas/wallets";

const ONLINE_MS = 60 * 60 * 1000;
/** The sample under a percentage: a line of its own keeps the columns narrow enough for 1440 px. */
const SAMPLE = "block text-xs text-zinc-600 dark:text-zinc-400";

// Cell styles set once on the table (descendant selectors) rather than on each of 500 cells: the
// page stays light at 50 rows. Body cells are numbers (right-aligned) except columns 2 (last job)
// and 8 (GPU); the row header holds the miner link.
const CELLS =
  "[&_tbody_td]:px-3 [&_tbody_td]:py-2 [&_tbody_td]:whitespace-nowrap [&_tbody_td]:text-right [&_tbody_td]:tabular-nums [&_tbody_td:nth-child(2)]:text-left [&_tbody_td:nth-child(8)]:text-left [&_tbody_th]:py-2 [&_tbody_th]:pr-3 [&_tbody_th]:text-left [&_tbody_th]:font-normal [&_tbody_th]:whitespace-nowrap [&_tbody_th>a]:font-mono [&_tbody_th>a]:font-medium [&_tbody_th>a]:text-indigo-700 [&_tbody_th>a:hover]:underline dark:[&_tbody_th>a]:text-indigo-300 [&_tbody_td:last-child]:pr-0 [&_tbody_tr:hover]:bg-zinc-50 dark:[&_tbody_tr:hover]:bg-zinc-800/40";

/** The device tag is what tells a wallet's GPUs apart; the wallet part is the same on every row. */
function tagOf(minerId: string): string {
  const dash = minerId.indexOf("-");
  return dash === -1 ? "(no tag)" : minerId.slice(dash + 1);
}

interface Props {
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
  /** GPUs without a job in the last hour, for the "idle first" shortcut. */
  idle: number;
  schedule: RewardSchedule;
  now: Date;
}

function SortHeader({ column, label, first, numeric, p }: { column: WalletMinerSort; label: ReactNode; first: "asc" | "desc"; numeric?: boolean; p: Props }) {
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

/** A wallet's GPUs: sorted, filtered and paged by the server through the URL, 50 rows at a time. */
export function GpuTable(p: Props) {
  const { items, q } = p;
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  return (
    <div>
      <form action={p.path} method="get" role="search" aria-label="Filter GPUs" className="mb-4 flex flex-wrap items-center gap-2">
        <div className="flex w-full gap-2 sm:w-auto sm:flex-1 sm:max-w-md">
          <label htmlFor="gpu-q" className="sr-only">
            Filter by miner ID or hardware
          </label>
          <input
            id="gpu-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={100}
            placeholder="Filter by miner ID or GPU (e.g. 4090)"
            className="h-9 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400"
          />
          {p.sort !== "totalWaifuPoints" ? <input type="hidden" name="sort" value={p.sort} /> : null}
          {p.order !== "desc" ? <input type="hidden" name="order" value={p.order} /> : null}
          {typeof p.searchParams.days === "string" ? <input type="hidden" name="days" value={p.searchParams.days} /> : null}
          <button type="submit" className="h-9 rounded-md bg-zinc-900 px-3 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300">
            Filter
          </button>
        </div>
        {q ? (
          <Link href={hrefWith(p.path, p.searchParams, { q: null, page: null })} scroll={false} prefetch={false} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
            Clear filter
          </Link>
        ) : null}
        {p.idle > 0 && !(p.sort === "lastSeenAt" && p.order === "asc") ? (
          <Link
            href={hrefWith(p.path, p.searchParams, { sort: "lastSeenAt", order: "asc", page: null })}
            scroll={false}
            prefetch={false}
            className="text-sm font-medium text-amber-800 hover:underline dark:text-amber-300"
          >
            Idle GPUs first ({formatInt(p.idle)})
          </Link>
        ) : null}
        <p className="w-full text-xs text-zinc-600 sm:ml-auto sm:w-auto dark:text-zinc-400" aria-live="polite">
          {q ? `${formatInt(p.total)} of ${formatInt(p.gpuCount)} GPUs match “${q}”` : `${formatInt(p.gpuCount)} GPUs`}
        </p>
      </form>
      {items.length === 0 ? (
        <EmptyState
          title={q ? `No GPU matches “${q}”` : "No GPUs on this page"}
          action={
            <Link href={hrefWith(p.path, p.searchParams, { q: null, page: null })} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {q ? "Show all GPUs" : "Back to page 1"}
            </Link>
          }
        >
          {q ? "The filter matches any part of the miner ID (e.g. its tag) or of the GPU model name." : `There are ${pages} pages.`}
        </EmptyState>
      ) : (
        <Table caption={`GPUs of this wallet, page ${p.page} of ${pages}`} captionHidden label="GPUs of this wallet (scrolls sideways)" className={`lazy-render [--lazy-h:150rem] ${CELLS}`}>
          <THead>
            <tr>
              <SortHeader column="minerId" label="Miner ID" first="asc" p={p} />
              <SortHeader column="lastSeenAt" label="Last job" first="desc" p={p} />
              <Th numeric>Waifu 24 h</Th>
              {/* Two-line headers keep the eleven columns inside 1440 px. */}
              <SortHeader
                column="availability24h"
                label={
                  <span>
                    Avail.
                    <br />
                    24 h
                  </span>
                }
                first="asc"
                numeric
                p={p}
              />
              <Th numeric>
                On time
                <br />
                24 h
              </Th>
              <SortHeader column="totalWaifuPoints" label="Waifu total" first="desc" numeric p={p} />
              <SortHeader column="totalLlamaPoints" label="Llama total" first="desc" numeric p={p} />
              <SortHeader column="hardware" label="GPU" first="asc" p={p} />
              <Th numeric>Stake</Th>
              <Th numeric>Stake ×</Th>
              <SortHeader column="firstSeenAt" label="Registered" first="asc" p={p} />
            </tr>
          </THead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
            {items.map((m) => {
              const online = p.now.getTime() - Date.parse(m.lastSeenAt) < ONLINE_MS;
              const a = m.availability24h;
              const lowAvailability = a.ratio !== null && a.ratio < 0.9;
              return (
                <tr key={m.minerId}>
                  <th scope="row">
                    {/* A plain link (not next/link): 50 rows of client components cost more to hydrate than a full page load saves. */}
                    <a href={`/miners/${m.minerId}`} aria-label={`Miner ${m.minerId}`}>
                      {tagOf(m.minerId)}
                    </a>
                    {m.hasBoostSlot ? (
                      <Badge tone="success" className="ml-2" title="Holds one of the wallet's NFT boost slots">
                        Boost
                      </Badge>
                    ) : null}
                  </th>
                  <td title={m.lastSeenAt} className="status-dot" data-idle={online ? undefined : ""}>
                    {formatAgo(m.lastSeenAt, p.now)}
                    {online ? null : <span className="sr-only"> (idle)</span>}
                  </td>
                  <td>{formatPoints(m.last24HrsWaifuPoints, 1)}</td>
                  <td title={availabilityTitle(a)}>
                    <span className={lowAvailability ? "text-amber-700 dark:text-amber-300" : undefined}>{formatPercent(a.ratio)}</span>
                    <span className={SAMPLE}>{availabilityShort(a)}</span>
                  </td>
                  <td>
                    {formatPercent(m.onTime24h.ratio)}
                    <span className={SAMPLE}>
                      {formatInt(m.onTime24h.jobs)} job{m.onTime24h.jobs === 1 ? "" : "s"}
                    </span>
                  </td>
                  <td>{formatPoints(m.totalWaifuPoints, 1)}</td>
                  <td>{formatPoints(m.totalLlamaPoints, 2)}</td>
                  <td>{m.hardware?.replace(/^NVIDIA (GeForce )?/, "") ?? "–"}</td>
                  <td>{m.stake ? formatPoints(m.stake, 0) : "–"}</td>
                  <td>{formatMultiplier(ppmToNumber(stakeMultiplierPpm(p.schedule.stakeCurve, m.stake)))}</td>
                  <td>{m.firstSeenAt.slice(0, 10)}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <Pagination path={p.path} searchParams={p.searchParams} page={p.page} pageSize={p.pageSize} total={p.total} label="GPU pages" scroll={false} />
      <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
        Avail. 24 h: the share of the last 24 hours in which the job router saw the GPU online and polling for work, job or no job (hours online of hours measured;
        “jobs” where hours before the router’s heartbeats began count a received job as online). On time 24 h: jobs completed within the timeout ÷ jobs received.
      </p>
    </div>
  );
}
