import Link from "next/link";
import { Badge, EmptyState, Pagination, Table, THead, hrefWith } from "@/components/ui";
import { availabilityShort, availabilityTitle } from "@/lib/dashboard/availability";
import { describeVsMedian, formatVsMedian, noComparisonReason, shortGpuName } from "@/lib/dashboard/fleet";
import { formatAgo } from "@/lib/dashboard/time";
import { formatInt, formatMultiplier, formatPercent, formatPoints } from "@/lib/format";
import { ppmToNumber, stakeMultiplierPpm } from "@/lib/points";
import type { FleetFilter, WalletMiner } from "@/lib/schemas/wallets";
import { FILTER_LABELS, FilterLinks, SortHeader, type GpuTableProps } from "./gpu-table-controls";
/** The sample under a percentage: a line of its own keeps the columns narrow enough for 1440 px. */
const SAMPLE = "block text-xs text-zinc-600 dark:text-zinc-400";

// Cell styles set once on the table (descendant selectors) rather than on each of 500 cells: the
// page stays light at 50 rows. Body cells are numbers (right-aligned) except columns 7 (GPU model)
// and 8 (last job); the row header holds the miner link. The columns that decide (points, vs the
// median, availability) come first, so a 375 px screen shows them without scrolling.
const CELLS =
  "[&_thead_th]:px-2 sm:[&_thead_th]:px-3 [&_thead_th:first-child]:pl-0 [&_tbody_td]:px-2 sm:[&_tbody_td]:px-3 [&_tbody_td]:py-2 [&_tbody_td]:whitespace-nowrap [&_tbody_td]:text-right [&_tbody_td]:tabular-nums [&_tbody_td:nth-child(7)]:text-left [&_tbody_td:nth-child(8)]:text-left [&_tbody_th]:py-2 [&_tbody_th]:pr-2 sm:[&_tbody_th]:pr-3 [&_tbody_th]:text-left [&_tbody_th]:font-normal [&_tbody_th]:whitespace-nowrap [&_tbody_th>a]:font-mono [&_tbody_th>a]:font-medium [&_tbody_th>a]:text-indigo-700 [&_tbody_th>a:hover]:underline dark:[&_tbody_th>a]:text-indigo-300 [&_tbody_td:last-child]:pr-0 [&_tbody_tr:hover]:bg-zinc-50 dark:[&_tbody_tr:hover]:bg-zinc-800/40";

/** The device tag is what tells a wallet's GPUs apart; the wallet part is the same on every row. */
function tagOf(minerId: string): string {
  const dash = minerId.indexOf("-");
  return dash === -1 ? "(no tag)" : minerId.slice(dash + 1);
}

function VsMedianCell({ m }: { m: WalletMiner }) {
  const v = m.vsMedian;
  if (v.ratio === null) {
    return (
      <td>
        –<span className={SAMPLE}>{noComparisonReason(m)}</span>
      </td>
    );
  }
  const below = v.ratio < 0.9;
  return (
    <td
      title={`${formatPoints(m.pointsPerJob24h ?? 0, 2)} points per job, ${describeVsMedian(v.ratio)} the median ${formatPoints(v.median ?? 0, 2)} of ${formatInt(v.gpus)} GPUs of this model in this wallet`}
    >
      <span className={below ? "text-amber-700 dark:text-amber-300" : undefined}>{formatVsMedian(v.ratio)}</span>
      <span className={SAMPLE}>
        of {formatPoints(v.median ?? 0, 2)} ({formatInt(v.gpus)})
      </span>
    </td>
  );
}

const TWO_LINES = (a: string, b: string) => (
  <span>
    {a}
    <br />
    {b}
  </span>
);

/** A wallet's GPUs: sorted, filtered and paged by the server through the URL, 50 rows at a time. */
export function GpuTable(p: GpuTableProps) {
  const { items, q } = p;
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const filtered = Boolean(q) || Object.values(p.filters).some(Boolean);
  const csvParams = new URLSearchParams({ sort: p.sort, order: p.order });
  if (q) csvParams.set("q", q);
  for (const [f, on] of Object.entries(p.filters)) if (on) csvParams.set(f, "1");
  const address = p.path.split("/").pop()!;
  return (
    <div>
      <form action={p.path} method="get" role="search" aria-label="Filter GPUs" className="mb-3 flex flex-wrap items-center gap-2">
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
          {(Object.keys(FILTER_LABELS) as FleetFilter[]).map((f) => (p.filters[f] ? <input key={f} type="hidden" name={f} value="1" /> : null))}
          <button
            type="submit"
            className="h-9 rounded-md bg-zinc-900 px-3 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
          >
            Filter
          </button>
        </div>
        {filtered ? (
          <Link
            href={hrefWith(p.path, p.searchParams, { q: null, idle: null, belowMedian: null, zeroEarning: null, page: null })}
            scroll={false}
            prefetch={false}
            className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
          >
            Clear filters
          </Link>
        ) : null}
        <p className="w-full text-xs text-zinc-600 sm:ml-auto sm:w-auto dark:text-zinc-400" aria-live="polite">
          {filtered ? `${formatInt(p.total)} of ${formatInt(p.gpuCount)} GPUs shown${q ? ` (matching “${q}”)` : ""}` : `${formatInt(p.gpuCount)} GPUs`}
        </p>
      </form>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <FilterLinks {...p} />
        <a href={`/api/v1/wallets/${address}/miners.csv?${csvParams}`} download className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Download {filtered ? "these " : "all "}
          {formatInt(p.total)} row{p.total === 1 ? "" : "s"} as CSV
        </a>
      </div>
      {items.length === 0 ? (
        <EmptyState
          title={filtered ? "No GPU matches these filters" : "No GPUs on this page"}
          action={
            <Link
              href={hrefWith(p.path, p.searchParams, { q: null, idle: null, belowMedian: null, zeroEarning: null, page: null })}
              className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {filtered ? "Show all GPUs" : "Back to page 1"}
            </Link>
          }
        >
          {filtered
            ? "The text filter matches any part of the miner ID (e.g. its tag) or of the GPU model name; the other filters are explained under the table."
            : `There are ${pages} pages.`}
        </EmptyState>
      ) : (
        <>
          <p className="mb-1 text-xs text-zinc-600 sm:hidden dark:text-zinc-400" aria-hidden="true">
            Scroll the table sideways for more columns →
          </p>
          <Table
            caption={`GPUs of this wallet, page ${p.page} of ${pages}`}
            captionHidden
            label="GPUs of this wallet (scrolls sideways)"
            className={`lazy-render [--lazy-h:150rem] ${CELLS}`}
          >
            <THead>
              <tr>
                <SortHeader column="minerId" label="GPU" first="asc" p={p} />
                <SortHeader column="points24h" label={TWO_LINES("Points", "24 h")} first="desc" numeric p={p} />
                <SortHeader column="vsMedian" label={TWO_LINES("vs model", "median")} first="asc" numeric p={p} />
                <SortHeader column="availability24h" label={TWO_LINES("Avail.", "24 h")} first="asc" numeric p={p} />
                <SortHeader column="pointsPerJob24h" label={TWO_LINES("Points/job", "24 h")} first="asc" numeric p={p} />
                <SortHeader column="onTime24h" label={TWO_LINES("On time", "24 h")} first="asc" numeric p={p} />
                <SortHeader column="hardware" label="Model" first="asc" p={p} />
                <SortHeader column="lastSeenAt" label="Last job" first="desc" p={p} />
                <SortHeader column="totalWaifuPoints" label={TWO_LINES("Waifu", "total")} first="desc" numeric p={p} />
                <SortHeader column="totalLlamaPoints" label={TWO_LINES("Llama", "total")} first="desc" numeric p={p} />
                <SortHeader column="stake" label={TWO_LINES("Stake", "(×)")} first="desc" numeric p={p} />
                <SortHeader column="firstSeenAt" label="Registered" first="asc" p={p} />
              </tr>
            </THead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
              {items.map((m) => {
                const a = m.availability24h;
                const lowAvailability = a.ratio !== null && a.ratio < 0.9;
                return (
                  <tr key={m.minerId}>
                    <th scope="row" className="status-dot" data-idle={m.idle ? "" : undefined}>
                      {/* A plain link (not next/link): 50 rows of client components cost more to hydrate than a full page load saves. */}
                      <a href={`/miners/${m.minerId}`} aria-label={`Miner ${m.minerId}`}>
                        {tagOf(m.minerId)}
                      </a>
                      {m.idle ? <span className="sr-only"> (idle)</span> : null}
                      {m.hasBoostSlot ? (
                        <Badge tone="success" className="ml-2" title="Holds one of the wallet's NFT boost slots">
                          Boost
                        </Badge>
                      ) : null}
                    </th>
                    <td>
                      {formatPoints(m.points24h, 1)}
                      <span className={SAMPLE}>{m.pointType === "llama" ? "Llama" : "Waifu"}</span>
                    </td>
                    <VsMedianCell m={m} />
                    <td title={availabilityTitle(a)}>
                      <span className={lowAvailability ? "text-amber-700 dark:text-amber-300" : undefined}>{formatPercent(a.ratio)}</span>
                      <span className={SAMPLE}>{availabilityShort(a)}</span>
                    </td>
                    <td>{m.pointsPerJob24h === null ? "–" : formatPoints(m.pointsPerJob24h, 2)}</td>
                    <td>
                      {formatPercent(m.onTime24h.ratio)}
                      <span className={SAMPLE}>
                        {formatInt(m.onTime24h.jobs)} job{m.onTime24h.jobs === 1 ? "" : "s"}
                      </span>
                    </td>
                    <td>{m.hardware ? shortGpuName(m.hardware) : "–"}</td>
                    <td title={m.lastSeenAt}>{formatAgo(m.lastSeenAt, p.now)}</td>
                    <td>{formatPoints(m.totalWaifuPoints, 1)}</td>
                    <td>{formatPoints(m.totalLlamaPoints, 2)}</td>
                    <td>
                      {m.stake ? formatPoints(m.stake, 0) : "–"}
                      <span className={SAMPLE}>{formatMultiplier(ppmToNumber(stakeMultiplierPpm(p.schedule.stakeCurve, m.stake)))}</span>
                    </td>
                    <td>{m.firstSeenAt.slice(0, 10)}</td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </>
      )}
      <Pagination path={p.path} searchParams={p.searchParams} page={p.page} pageSize={p.pageSize} total={p.total} label="GPU pages" scroll={false} />
      <dl className="mt-3 space-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        <div>
          <dt className="inline font-medium">24 h:</dt> <dd className="inline">every figure but the totals covers the last 24 hourly buckets (this hour so far included).</dd>
        </div>
        <div>
          <dt className="inline font-medium">Points/job:</dt> <dd className="inline">points ÷ jobs received, zero-earning jobs included (the jobs under On time).</dd>
        </div>
        <div>
          <dt className="inline font-medium">vs model median:</dt>{" "}
          <dd className="inline">
            points per job against the median points per job of this wallet’s GPUs of the same model (and the same kind of job, image or LLM) with jobs in the last 24 h; open a GPU
            to see why.
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">Avail. 24 h:</dt>{" "}
          <dd className="inline">
            the share of the last 24 hours in which the job router saw the GPU online and polling for work, job or no job (hours online of hours measured; “jobs” where hours before
            the router’s heartbeats began count a received job as online).
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">Idle:</dt> <dd className="inline">online at no time in the last 24 hours (availability 0 %), marked with a grey dot.</dd>
        </div>
        <div>
          <dt className="inline font-medium">Zero-earning:</dt> <dd className="inline">jobs received in the last 24 h, no points from them.</dd>
        </div>
        <div>
          <dt className="inline font-medium">On time 24 h:</dt> <dd className="inline">jobs completed within the timeout ÷ jobs received.</dd>
        </div>
      </dl>
    </div>
  );
}
