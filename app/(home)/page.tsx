import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { AutoRefresh } from "@/components/auto-refresh";
import { NetworkDailyCharts } from "@/components/charts/network-daily-charts";
import { SearchForm } from "@/components/layout/search-form";
import { resolveSearch } from "@/components/layout/search-target";
import { Card, EmptyState, Section, SectionHeading, SkeletonStats, SkeletonTable, Stat, StatGrid, Table, TBody, Td, THead, Th, Tr } from "@/components/ui";
import { zeroNote } from "@/lib/dashboard/zero-note";
import { formatDateTime, formatInt, formatPercent, formatPoints } from "@/lib/format";
import { scheduleAt } from "@/lib/points";
import { getNetworkSummary } from "@/lib/server/network-summary";
import { getLeaderboard, leaderboardIntervalSeconds } from "@/lib/server/queries/leaderboard";
import { SnapshotPending } from "@/components/snapshot-pending";
import { WalletBoardTable } from "@/components/wallet-board-table";
import { everyLabel } from "@/lib/snapshots/schedule";
import { getNetworkDaily } from "@/lib/server/queries/network-daily";
import type { LeaderboardResponse } from "@/lib/schemas/leaderboard";

export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { q } = await searchParams;
  const query = typeof q === "string" ? q : undefined;
  const search = query === undefined ? undefined : resolveSearch(query);
  if (search?.ok) redirect(search.href);

  return (
    <div className="space-y-12">
      <AutoRefresh seconds={30} />
      <section aria-labelledby="page-title" className="space-y-4">
        <div>
          <h1 id="page-title" className="text-2xl font-semibold tracking-tight sm:text-3xl">
            Heurist GPU network
          </h1>
          <p className="mt-1 max-w-2xl text-zinc-600 dark:text-zinc-400">
            Waifu Points for image jobs, Llama Points for LLM jobs. Look up your wallet or a single GPU to see every point it earned and why.
          </p>
        </div>
        <div className="max-w-2xl">
          <SearchForm id="hero-search" size="lg" defaultValue={query} errorId={search && !search.ok ? "search-error" : undefined} />
          {search && !search.ok ? (
            <p id="search-error" role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
              {search.message}
            </p>
          ) : (
            <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
              A wallet address (0x + 40 hex) opens the wallet; a miner ID (wallet-tag, e.g. 0x…-4090rig) opens that GPU.
            </p>
          )}
        </div>
      </section>

      <Suspense fallback={<NetworkNowSkeleton />}>
        <NetworkNow />
      </Suspense>

      <Section id="trend" title="Last 30 days" description="Per UTC day, from the hourly rollups. Today is a partial day.">
        <Suspense
          fallback={
            <div className="grid gap-4 lg:grid-cols-3">
              {[0, 1, 2].map((i) => (
                <SkeletonTable key={i} rows={4} />
              ))}
            </div>
          }
        >
          <DailyCharts />
        </Suspense>
      </Section>

      <Section
        id="top-miners"
        title="Top miners, last 24 hours"
        description="Wallets ranked by points earned in the last 24 hourly buckets."
        actions={
          <Link href="/gpus#miners" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Full leaderboard →
          </Link>
        }
      >
        <Suspense
          fallback={
            <div className="grid gap-4 lg:grid-cols-2">
              <SkeletonTable rows={10} />
              <SkeletonTable rows={10} />
            </div>
          }
        >
          <TopMiners />
        </Suspense>
      </Section>
    </div>
  );
}

function NetworkNowSkeleton() {
  return (
    <div className="space-y-6">
      <SkeletonStats count={5} />
      <SkeletonTable rows={6} />
    </div>
  );
}

async function NetworkNow() {
  const s = await getNetworkSummary();
  const waifuModels = s.byModel.filter((m) => m.pointType === "waifu");
  const llamaModels = s.byModel.filter((m) => m.pointType === "llama");
  return (
    <section aria-labelledby="now" className="space-y-8">
      <div>
        <SectionHeading id="now" title="The network now" description={`As of ${formatDateTime(s.asOf)}; refreshes every 30 s.`} />
        <StatGrid>
          <Stat label="GPUs active now" value={formatInt(s.activeGpus)} hint={`${formatInt(s.gpus24h)} in the last 24 h`} />
          <Stat label="Wallets mining, 24 h" value={formatInt(s.wallets24h)} />
          <Stat label="Jobs, 24 h" value={formatInt(s.jobs24h)} hint={`${formatPercent(s.jobs24h ? s.successes24h / s.jobs24h : null)} completed in time`} />
          <Stat label="Waifu Points, 24 h" value={formatPoints(s.waifuPoints24h, 0)} tone="waifu" hint="image jobs" />
          <Stat label="Llama Points, 24 h" value={formatPoints(s.llamaPoints24h, 0)} tone="llama" hint="LLM jobs" />
        </StatGrid>
      </div>
      <div>
        <SectionHeading id="models" level={3} title="By model, last 24 hours" />
        {s.byModel.length === 0 ? (
          <EmptyState title="No jobs in the last 24 hours yet">Jobs appear here as soon as the router reports them.</EmptyState>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <ModelTable title="Image models (Waifu Points)" type="waifu" models={waifuModels} total={s.waifuPoints24h} />
            <ModelTable title="LLMs (Llama Points)" type="llama" models={llamaModels} total={s.llamaPoints24h} />
          </div>
        )}
      </div>
    </section>
  );
}

function ModelTable({ title, type, models, total }: { title: string; type: "waifu" | "llama"; models: Awaited<ReturnType<typeof getNetworkSummary>>["byModel"]; total: number }) {
  const points = (m: (typeof models)[number]) => (type === "waifu" ? m.waifuPoints : m.llamaPoints);
  const schedule = scheduleAt(new Date());
  return (
    <Card>
      {models.length === 0 ? (
        <>
          <p className="mb-2 text-sm font-semibold">{title}</p>
          <EmptyState title={`No ${type === "waifu" ? "image" : "LLM"} jobs in the last 24 hours yet`} />
        </>
      ) : (
        <Table caption={title} label={title}>
          {/* At 375 px the in-time rate moves under the job count and long model ids wrap, so
              points and share stay on screen. */}
          <THead>
            <tr>
              <Th>Model</Th>
              <Th numeric>Jobs</Th>
              <Th numeric className="hidden sm:table-cell">
                In time
              </Th>
              <Th numeric>Points</Th>
              <Th numeric>Share</Th>
            </tr>
          </THead>
          <TBody>
            {models.map((m) => (
              <Tr key={m.modelId}>
                <Th scope="row">
                  {/* Th keeps its text on one line; the id may break anywhere on a phone. */}
                  <span className="block font-mono text-xs whitespace-normal break-all sm:text-sm sm:whitespace-nowrap sm:break-normal">{m.modelId}</span>
                </Th>
                <Td numeric>
                  {formatInt(m.jobs)}
                  <span className="block text-xs text-zinc-600 sm:hidden dark:text-zinc-400">{formatPercent(m.jobs ? m.successes / m.jobs : null)} in time</span>
                </Td>
                <Td numeric className="hidden sm:table-cell">
                  {formatPercent(m.jobs ? m.successes / m.jobs : null)}
                </Td>
                <Td numeric className="font-medium">
                  {formatPoints(points(m), 0)}
                  {points(m) === 0 && m.jobs > 0 ? (
                    <span className="block text-xs font-normal whitespace-normal [overflow-wrap:anywhere] text-zinc-600 dark:text-zinc-400">{zeroNote(m.modelId, schedule)}</span>
                  ) : null}
                </Td>
                <Td numeric>{formatPercent(total ? points(m) / total : null)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

async function DailyCharts() {
  const { days } = await getNetworkDaily(30);
  return <NetworkDailyCharts days={days} />;
}

async function TopMiners() {
  const [waifu, llama] = await Promise.all([
    getLeaderboard({ type: "waifu", window: "24h", page: 1, pageSize: 10 }),
    getLeaderboard({ type: "llama", window: "24h", page: 1, pageSize: 10 }),
  ]);
  if (!waifu || !llama) return <SnapshotPending what="The leaderboard" intervalSeconds={leaderboardIntervalSeconds()} />;
  // Both boards come from snapshots the worker rebuilds together; name the older one's time.
  const oldest = [waifu, llama].reduce((a, b) => (Date.parse(a.computedAt) <= Date.parse(b.computedAt) ? a : b));
  return (
    <div className="space-y-2">
      <div className="grid gap-4 lg:grid-cols-2">
        <TopTable title="By Waifu Points" board={waifu} />
        <TopTable title="By Llama Points" board={llama} />
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Points as of {formatDateTime(oldest.computedAt)}
        {waifu.stale || llama.stale ? ", behind schedule" : ""} (a snapshot the worker rebuilds {everyLabel(leaderboardIntervalSeconds())}); GPUs: each wallet&apos;s GPUs now, as
        its page counts them.
      </p>
    </div>
  );
}

function TopTable({ title, board }: { title: string; board: LeaderboardResponse }) {
  return (
    <Card>
      {board.items.length === 0 ? (
        <>
          <p className="mb-2 text-sm font-semibold">{title}</p>
          <EmptyState title="No points in the last 24 hours yet" />
        </>
      ) : (
        <WalletBoardTable
          rows={board.items}
          caption={`Top 10 wallets ${title.replace("By", "by")}, last 24 hours`}
          label={title}
          rankHead={{ label: "#", className: "w-10" }}
          columns={[{ head: "Points", cellClass: "font-medium", cell: (r) => formatPoints(r.points, 0) }]}
        />
      )}
    </Card>
  );
}
