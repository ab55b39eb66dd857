import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DailySection, chartSpan } from "@/components/dashboard/daily-section";
import { ExportPanel } from "@/components/dashboard/export-panel";
import { ReplicaLagNote } from "@/components/dashboard/replica-lag-note";
import { FleetStandingSection } from "@/components/dashboard/fleet-standing";
import { HeadlineStats } from "@/components/dashboard/headline-stats";
import { ModelSplit } from "@/components/dashboard/model-split";
import { MinerSlashes } from "@/components/dashboard/miner-slashes";
import { MinerMultipliers } from "@/components/dashboard/multipliers-panel";
import { RecentJobs } from "@/components/dashboard/recent-jobs";
import { NodeHistorySection } from "@/components/market/node-history-section";
import { OpenEpochSection } from "@/components/rewards/open-epoch-section";
import { NodeStakingSection } from "@/components/staking/node-staking-section";
import { AddressLink, Badge, Card, Section, type SearchParamsRecord } from "@/components/ui";
import { isIdle } from "@/lib/dashboard/fleet";
import { minerShareText, minerTitle } from "@/lib/dashboard/headline";
import { formatAgo } from "@/lib/dashboard/time";
import { formatDateTime, formatInt, shortId } from "@/lib/format";
import { scheduleAt } from "@/lib/points";
import { minerIdSchema } from "@/lib/schemas/ids";
import { minerModelSplit } from "@/lib/server/queries/model-split";
import { minerForPage, requestNow } from "@/lib/server/queries/page-reads";
import { recentMinerJobs } from "@/lib/server/queries/recent-jobs";
import { readAsOf } from "@/lib/server/read-as-of";
import { addressPageMetadata } from "@/lib/site";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ minerId: string }>; searchParams: Promise<SearchParamsRecord> };

/** Route params may arrive percent-encoded; a malformed escape is just an unknown ID. */
function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function spanOf(sp: SearchParamsRecord): number {
  const days = Number(sp.days);
  return chartSpan(days);
}

// A shared link previews the miner's headline numbers, from the read the page itself makes.
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const raw = decoded((await params).minerId);
  const span = spanOf(await searchParams);
  return addressPageMetadata(minerTitle(raw.toLowerCase()), minerIdSchema.safeParse(raw), "miners", (id) => minerForPage(id, span).then((m) => m && minerShareText(m)));
}

export default async function MinerPage({ params, searchParams }: Props) {
  const parsed = minerIdSchema.safeParse(decoded((await params).minerId));
  if (!parsed.success) notFound();
  const minerId = parsed.data;
  const sp = await searchParams;
  const span = spanOf(sp);
  const now = requestNow();

  const [miner, recent, split, read] = await Promise.all([
    minerForPage(minerId, span),
    recentMinerJobs(minerId),
    minerModelSplit(minerId, span, now).catch((err: unknown) => {
      log().error({ component: "miner page", minerId, err }, "model split unavailable");
      return null;
    }),
    readAsOf(),
  ]);
  if (!miner) notFound();
  const schedule = scheduleAt(now);
  const path = `/miners/${minerId}`;
  // The wallet table's idle: online at no time in the last 24 hours (measured availability).
  const online = !isIdle(miner.availability24h);

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          GPU of wallet <AddressLink id={miner.wallet} />
        </p>
        <h1 id="page-title" className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight sm:text-3xl">
          <span className="font-mono">{miner.deviceTag ?? shortId(miner.minerId)}</span>
          <Badge tone={online ? "success" : "neutral"} title={online ? "Online at some time in the last 24 hours" : "Online at no time in the last 24 hours"}>
            {online ? "Online in 24 h" : "Idle"}
          </Badge>
          {miner.multipliers.hasBoostSlot ? <Badge tone="info">NFT boost slot</Badge> : null}
        </h1>
        <p className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{miner.minerId}</p>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {miner.hardware ?? "Unknown GPU"} · registered {miner.firstSeenAt.slice(0, 10)} · {formatInt(miner.totalImageCount)} image and {formatInt(miner.totalTextCount)} LLM jobs
          done, {formatInt(miner.totalFailedCount)} failed or late
          {miner.latencyMs !== null ? ` · ~${formatInt(miner.latencyMs)} ms per job` : ""}
        </p>
        <ReplicaLagNote read={read} now={now} />
      </header>

      <section aria-labelledby="page-title">
        <HeadlineStats data={miner} last={{ label: "Last job", value: formatAgo(miner.lastSeenAt, now), hint: formatDateTime(miner.lastSeenAt) }} />
      </section>

      <FleetStandingSection minerId={miner.minerId} wallet={miner.wallet} hardware={miner.hardware} nftCount={miner.nftCount} now={now} />

      <DailySection path={path} sp={sp} span={span} days={miner.dailyPoints} description="UTC days." />

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-5">
        <Section id="models" title="Per model" description={`Jobs and points by model, last ${span} days.`} className="min-w-0 lg:col-span-3">
          <Card>
            <ModelSplit rows={split} span={span} />
          </Card>
        </Section>
        <Section id="multipliers" title="Multipliers in force" description="What this GPU's next job is multiplied by." className="min-w-0 lg:col-span-2">
          <MinerMultipliers
            schedule={schedule}
            nftCount={miner.nftCount}
            hasBoostSlot={miner.multipliers.hasBoostSlot}
            nftMultiplier={miner.multipliers.nftMultiplier}
            stake={miner.stake}
            stakeMultiplier={miner.multipliers.stakeMultiplier}
            wallet={miner.wallet}
          />
        </Section>
      </div>

      <Section
        id="recent"
        title="Recent jobs"
        description="The 20 latest ledger entries, each with the factors that priced it: base × model or category multiplier × NFT boost × stake multiplier = points."
      >
        <RecentJobs jobs={recent} now={now} />
      </Section>

      <OpenEpochSection data={miner.openEpoch} of="node" />

      <MinerSlashes minerId={miner.minerId} />

      <NodeHistorySection minerId={miner.minerId} now={now} />

      <NodeStakingSection minerId={miner.minerId} />

      <Section id="export" title="Export" description="CSV files for your records or a spreadsheet; exact to the micro-point.">
        <ExportPanel kind="miner" id={miner.minerId} now={now} />
      </Section>

      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        As of {formatDateTime(read.replica ? read.asOf : now.toISOString())}.{" "}
        <Link href={`/wallets/${miner.wallet}`} className="underline">
          All GPUs of this wallet
        </Link>
      </p>
    </div>
  );
}
