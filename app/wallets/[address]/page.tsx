import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AddressHeader } from "@/components/dashboard/address-header";
import { DailySection, chartSpan } from "@/components/dashboard/daily-section";
import { ExportPanel } from "@/components/dashboard/export-panel";
import { ReplicaLagNote } from "@/components/dashboard/replica-lag-note";
import { GpuTable } from "@/components/dashboard/gpu-table";
import { HeadlineStats } from "@/components/dashboard/headline-stats";
import { ModelSplit } from "@/components/dashboard/model-split";
import { WalletMultipliers } from "@/components/dashboard/multipliers-panel";
import { RecentJobs } from "@/components/dashboard/recent-jobs";
import { ClaimsSection } from "@/components/rewards/claims-section";
import { OpenEpochSection } from "@/components/rewards/open-epoch-section";
import { WalletRewardsSection } from "@/components/dashboard/wallet-rewards-section";
import { StakerSection } from "@/components/staking/staker-section";
import { StakerView } from "@/components/staking/staker-view";
import { BoostSlotEditor } from "@/components/wallet/boost-slot-editor";
import { WatchesSection } from "@/components/watches/watches-section";
import { Card, Section, hrefWith, type SearchParamsRecord } from "@/components/ui";
import { walletGpusOnline, walletShareText, walletTitle } from "@/lib/dashboard/headline";
import { formatDateTime, formatInt } from "@/lib/format";
import { scheduleAt } from "@/lib/points";
import { walletAddressSchema } from "@/lib/schemas/ids";
import { walletQuerySchema, type WalletQuery } from "@/lib/schemas/wallets";
import { boostAssignmentAt } from "@/lib/server/boost-slots";
import { walletModelSplit } from "@/lib/server/queries/model-split";
import { requestNow, walletForPage } from "@/lib/server/queries/page-reads";
import { recentWalletJobs } from "@/lib/server/queries/recent-jobs";
import { readAsOf } from "@/lib/server/read-as-of";
import { addressPageMetadata } from "@/lib/site";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ address: string }>; searchParams: Promise<SearchParamsRecord> };

const PAGE_SIZE = 50;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The URL's table state; a malformed value falls back to its default instead of failing the page. */
function tableQuery(sp: SearchParamsRecord): WalletQuery {
  const raw = {
    page: first(sp.page),
    sort: first(sp.sort),
    order: first(sp.order),
    q: first(sp.q) || undefined,
    days: first(sp.days),
    idle: first(sp.idle),
    belowMedian: first(sp.belowMedian),
    zeroEarning: first(sp.zeroEarning),
    pageSize: PAGE_SIZE,
  };
  const parsed = walletQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return walletQuerySchema.parse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
}

/** The URL's table state, and the chart's span (a span the tabs do not offer reads as 30 days). */
function pageQuery(sp: SearchParamsRecord): WalletQuery {
  const query = tableQuery(sp);
  return { ...query, days: chartSpan(query.days) };
}

// A shared link previews the wallet's headline numbers, from the read the page itself makes (a
// staker only, with no mining, has none).
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { address } = await params;
  const query = pageQuery(await searchParams);
  return addressPageMetadata(walletTitle(address.toLowerCase()), walletAddressSchema.safeParse(address), "wallets", (id) =>
    walletForPage(id, query).then((w) => w && walletShareText(w)),
  );
}

export default async function WalletPage({ params, searchParams }: Props) {
  const parsedAddress = walletAddressSchema.safeParse((await params).address);
  if (!parsedAddress.success) notFound();
  const address = parsedAddress.data;
  const sp = await searchParams;
  const query = pageQuery(sp);
  const span = query.days;
  const now = requestNow();

  const [wallet, recent, split, assignment, read] = await Promise.all([
    // No GPU: the layout let it through as a staker, so it gets the staker view.
    walletForPage(address, query),
    recentWalletJobs(address),
    walletModelSplit(address, span, now).catch((err: unknown) => {
      log().error({ component: "wallet page", wallet: address, err }, "model split unavailable");
      return null;
    }),
    // Shared with the GPU table's read in this request; a failure reaches the error boundary.
    boostAssignmentAt(address, now.getTime()),
    readAsOf(),
  ]);
  if (!wallet) return <StakerView address={address} />;
  const schedule = scheduleAt(now);
  const path = `/wallets/${address}`;
  // A stale link past the last page (GPUs retired, a narrower filter) lands on the last page.
  const lastPage = Math.max(1, Math.ceil(wallet.miners.total / PAGE_SIZE));
  if (query.page > lastPage) redirect(hrefWith(path, sp, { page: lastPage === 1 ? null : lastPage }));

  return (
    <div className="space-y-10">
      <AddressHeader kind="Wallet" address={address}>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {formatInt(wallet.gpuCount)} GPU{wallet.gpuCount === 1 ? "" : "s"} · mining since {wallet.firstSeenAt.slice(0, 10)} · {formatInt(wallet.totalImageCount)} image and{" "}
          {formatInt(wallet.totalTextCount)} LLM jobs done, {formatInt(wallet.totalFailedCount)} failed or late
        </p>
        <ReplicaLagNote read={read} now={now} />
      </AddressHeader>

      <section aria-labelledby="page-title">
        <HeadlineStats
          data={wallet}
          last={{
            label: "GPUs",
            value: formatInt(wallet.gpuCount),
            // Idle is the GPU table's idle: online at no time in the last 24 hours (measured availability).
            hint: `${walletGpusOnline(wallet)} · ${formatInt(assignment?.holders.length ?? 0)} NFT-boosted`,
          }}
        />
      </section>

      <DailySection path={path} sp={sp} span={span} days={wallet.dailyPoints} description="UTC days, all GPUs of the wallet together." />

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-5">
        <Section id="models" title="Per model" description={`Jobs and points by model, last ${span} days.`} className="min-w-0 lg:col-span-3">
          <Card className="lazy-render">
            <ModelSplit rows={split} span={span} />
          </Card>
        </Section>
        <Section id="multipliers" title="Multipliers in force" description="What the next job of each GPU is multiplied by." className="min-w-0 lg:col-span-2">
          <WalletMultipliers schedule={schedule} nftCount={wallet.nftCount} gpuCount={wallet.gpuCount} holders={assignment?.holders ?? []} stake={wallet.stake} />
          {assignment && assignment.slots > 0 ? (
            <Card className="mt-4">
              <h3 className="mb-2 text-base font-semibold">Boost slots</h3>
              <BoostSlotEditor wallet={address} assignment={assignment} candidates={wallet.miners.items.map((m) => m.minerId)} />
            </Card>
          ) : null}
        </Section>
      </div>

      <Section
        id="gpus"
        title="GPUs"
        description="Each row is one miner ID. Sort by any column header (both ways); filter by tag or GPU model, idle, below its model's median or zero-earning. Open a GPU to see why it earns what it earns."
      >
        <GpuTable
          path={path}
          searchParams={sp}
          items={wallet.miners.items}
          page={query.page}
          pageSize={PAGE_SIZE}
          total={wallet.miners.total}
          gpuCount={wallet.gpuCount}
          sort={query.sort}
          order={query.order}
          q={query.q}
          filters={{ idle: query.idle, belowMedian: query.belowMedian, zeroEarning: query.zeroEarning }}
          idle={wallet.idleGpus}
          schedule={schedule}
          now={now}
        />
      </Section>

      <Section
        id="recent"
        title="Recent jobs"
        description="The wallet's 20 latest ledger entries, each with the factors that priced it: base × model or category multiplier × NFT boost × stake multiplier = points."
      >
        <RecentJobs jobs={recent} now={now} showMiner />
      </Section>

      <OpenEpochSection data={wallet.openEpoch} of="wallet" />

      <WalletRewardsSection address={address} />

      <ClaimsSection address={address} nodes={wallet.miners.items.map((m) => m.minerId)} />

      <WatchesSection address={address} />

      <StakerSection address={address} />

      <Section id="export" title="Export" description="CSV files for your records or a spreadsheet; exact to the micro-point.">
        <ExportPanel kind="wallet" id={address} now={now} />
      </Section>

      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        As of {formatDateTime(read.replica ? read.asOf : now.toISOString())}.{" "}
        <Link href={hrefWith(path, sp, {})} className="underline">
          Refresh
        </Link>
      </p>
    </div>
  );
}
