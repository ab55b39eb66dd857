import type { Estimate } from "@/lib/estimator/estimate";
import { baseExplanation, formatRate, multiplierExplanation, perDayArithmetic, rateSource, zeroExplanations } from "@/lib/estimator/explain";
import type { EstimatorTokenRate, NetworkThroughput } from "@/lib/estimator/types";
import type { EstimatorInput } from "@/lib/estimator/params";
import { formatCount, formatDateTime, formatMultiplier, formatPercent, formatPoints } from "@/lib/format";
import type { ModelInfo, RewardSchedule } from "@/lib/points";
import { Card, cn } from "@/components/ui";
import { CopyLinkButton } from "./copy-link-button";

const exact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** What devices of this GPU model really earned per day online on their own mix of jobs: Top GPUs' figure. */
function NetworkEarningsNote({ estimate, model, network }: { estimate: Estimate; model: ModelInfo; network: NetworkThroughput }) {
  const e = estimate.earnings;
  if (!e) return null;
  const t = e.throughput;
  const range =
    t.pointsPerOnlineDay.p25 !== null && t.pointsPerOnlineDay.p75 !== null ? ` (p25–p75 ${formatRate(t.pointsPerOnlineDay.p25)}–${formatRate(t.pointsPerOnlineDay.p75)})` : "";
  return (
    <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
      On the network, {estimate.gpu.name} devices earned{" "}
      <strong data-testid="network-points-per-day" data-value={t.pointsPerOnlineDay.value} data-as-of={network.asOf} className="tabular-nums text-zinc-900 dark:text-zinc-100">
        {formatRate(t.pointsPerOnlineDay.value)}
      </strong>{" "}
      points per day online{range} on their own mix of jobs, the figure Top GPUs shows ({formatCount(t.devices, "device")}, {formatCount(t.days, "day")}, online{" "}
      {formatPercent(t.onlineShare)} of the time).{" "}
      {e.model && e.model.pointsPerJob !== null
        ? `Their ${formatCount(e.model.successes, `${model.label} job`)} averaged ${formatRate(e.model.pointsPerJob)} points each.`
        : `They served no ${model.label} jobs in the window.`}{" "}
      As of {formatDateTime(network.asOf)}, last 7 days to {formatDateTime(network.to)}.
    </p>
  );
}

function HeuNote({ estimate, tokenRate, unit }: { estimate: Estimate; tokenRate: EstimatorTokenRate | null; unit: string }) {
  if (!tokenRate || estimate.heuPerDay === null) {
    return <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">No epoch has points yet, so a point has no HEU price to show.</p>;
  }
  const perPoint = unit === "Waifu Points" ? tokenRate.waifu : tokenRate.llama;
  const basis =
    tokenRate.source === "open-epoch"
      ? `epoch ${tokenRate.epoch} so far, as of ${formatDateTime(tokenRate.asOf)}`
      : `epoch ${tokenRate.epoch}, settled ${formatDateTime(tokenRate.asOf)}`;
  return (
    <p data-testid="heu-note" className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
      A day online ≈ {formatRate(estimate.heuPerDay)} HEU: {formatRate(estimate.perDay)} {unit} × {formatRate(perPoint)} HEU per point, the portal&apos;s own rate ({basis}), the
      one the staking market uses.
    </p>
  );
}

/**
 * Per job as the API displays it; per hour and per day to 3 significant digits, the same digits
 * the arithmetic line below uses, so "per hour × 24 = per day" reads true on the page.
 */
function Headline(props: { label: string; testId: string; value: number | null; rate?: boolean; tone: "waifu" | "llama"; children?: React.ReactNode }) {
  const { label, testId, value, rate = false, tone, children } = props;
  return (
    <div
      className={cn(
        "relative flex items-baseline justify-between gap-3 overflow-hidden rounded-lg bg-zinc-50 px-4 py-2.5 before:absolute before:inset-y-0 before:left-0 before:w-1 dark:bg-zinc-950",
        tone === "waifu" ? "before:bg-waifu" : "before:bg-llama",
      )}
    >
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 text-right">
        <span data-testid={testId} data-value={value ?? undefined} className="block text-2xl font-semibold break-all tabular-nums">
          {value === null ? "–" : rate ? formatRate(value) : formatPoints(value, 2)}
        </span>
        {children}
      </dd>
    </div>
  );
}

function Factor({ label, testId, value, children }: { label: string; testId: string; value: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[1fr_auto] gap-x-3 py-2">
      <dt className="text-sm font-medium">{label}</dt>
      <dd data-testid={testId} className="text-right text-sm font-semibold tabular-nums">
        {value}
      </dd>
      <dd className="col-span-2 text-xs text-zinc-600 dark:text-zinc-400">{children}</dd>
    </div>
  );
}

export function EstimateResults(props: {
  estimate: Estimate | null;
  model: ModelInfo;
  schedule: RewardSchedule;
  input: EstimatorInput | null;
  network: NetworkThroughput;
  tokenRate: EstimatorTokenRate | null;
}) {
  const { estimate, model, schedule, input, network, tokenRate } = props;
  const unit = model.kind === "image" ? "Waifu Points" : "Llama Points";
  const tone = model.kind === "image" ? "waifu" : "llama";
  const zero = estimate ? zeroExplanations(estimate, model, schedule) : [];
  const b = estimate?.breakdown;
  return (
    <Card as="section" aria-labelledby="result-heading" className="space-y-4">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="result-heading" className="text-lg font-semibold">
          Estimated {unit}
        </h2>
        <CopyLinkButton />
      </div>
      <dl className="grid gap-2">
        <Headline label="Points per job" testId="points-per-job" tone={tone} value={estimate ? estimate.perJob : null} />
        <Headline label="Points per hour online" testId="points-per-hour" tone={tone} value={estimate ? estimate.perHour : null} rate />
        <Headline label="Points per day online" testId="points-per-day" tone={tone} value={estimate ? estimate.perDay : null} rate>
          {estimate?.perDayRange ? (
            <span data-testid="points-per-day-range" className="block text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
              p25–p75 {formatRate(estimate.perDayRange.p25)}–{formatRate(estimate.perDayRange.p75)}
            </span>
          ) : null}
          {estimate && estimate.heuPerDay !== null && tokenRate ? (
            <span data-testid="heu-per-day" className="block text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
              ≈ {formatRate(estimate.heuPerDay)} HEU
            </span>
          ) : null}
        </Headline>
      </dl>

      <div aria-live="polite" className="min-h-5 text-sm">
        {!estimate ? (
          <p className="text-red-700 dark:text-red-400">Fix the highlighted fields to see an estimate.</p>
        ) : zero.length > 0 ? (
          <ul data-testid="zero-reason" className="space-y-1 rounded-md bg-amber-50 p-2 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
            {zero.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : (
          <p className="text-zinc-600 dark:text-zinc-400">
            {estimate.gpu.name} · {model.label} · schedule {schedule.id}
          </p>
        )}
      </div>

      {estimate && b && input ? (
        <>
          <div>
            <h3 className="text-sm font-semibold">How one job is priced</h3>
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Points = base × model multiplier × NFT multiplier × stake multiplier.</p>
            <dl aria-label="Breakdown" className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800/60">
              <Factor label="Base points" testId="breakdown-base" value={formatPoints(b.base, 6)}>
                {baseExplanation(input, estimate, model, schedule)}
              </Factor>
              <Factor label="Model multiplier" testId="breakdown-model-multiplier" value={formatMultiplier(b.modelMultiplier)}>
                {multiplierExplanation(estimate, model, schedule)}
              </Factor>
              <Factor label="NFT multiplier" testId="breakdown-nft-multiplier" value={formatMultiplier(b.nftMultiplier)}>
                {input.nfts === 0
                  ? "No NFTs, no boost. 1 NFT boosts up to 3 GPUs by ×1.1, 2 by ×1.15, 3 or more by ×1.2."
                  : `${formatCount(input.nfts, "NFT")}: ${formatCount(estimate.boostSlots, "boost slot")}; this GPU is assumed to hold one.`}
              </Factor>
              <Factor label="Stake multiplier" testId="breakdown-stake-multiplier" value={formatMultiplier(b.stakeMultiplier)}>
                {estimate.stakeCurve === "activation"
                  ? "Mainnet rules: 0 below 10,000 stHEU, ×0.1 at 10,000 rising to ×1 at 100,000."
                  : "Testnet boost: ×1 up to 10,000 stHEU, rising to ×1.5 at 100,000."}
              </Factor>
            </dl>
            <p className="mt-1 text-sm tabular-nums">
              = <strong>{exact.format(estimate.perJob)}</strong> {unit} per job
            </p>
          </div>

          <div>
            <h3 className="text-sm font-semibold">Per hour and per day online</h3>
            <p data-testid="per-day-arithmetic" className="mt-1 text-sm tabular-nums">
              {perDayArithmetic(estimate)}
            </p>
            <p data-testid="rate-source" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              {rateSource(estimate.rate, estimate.gpu, model, network.availabilitySource)}
            </p>
            <NetworkEarningsNote estimate={estimate} model={model} network={network} />
            <HeuNote estimate={estimate} tokenRate={tokenRate} unit={unit} />
            {estimate.compatibility.ok && estimate.catalogSeconds > estimate.timeoutSec ? (
              <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">
                At this size an {estimate.gpu.name} needs about {formatRate(estimate.catalogSeconds)} s per job, over the {estimate.timeoutSec} s timeout: real jobs like this would
                earn 0.
              </p>
            ) : null}
          </div>
        </>
      ) : null}
    </Card>
  );
}
