import type { Estimate } from "@/lib/estimator/estimate";
import { formatRate, rateSource, zeroExplanations } from "@/lib/estimator/explain";
import type { EstimatorInput } from "@/lib/estimator/params";
import { formatMultiplier, formatPoints } from "@/lib/format";
import type { ModelInfo, RewardSchedule } from "@/lib/points";
import { Card, cn } from "@/components/ui";
import { CopyLinkButton } from "./copy-link-button";

const exact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** Small hourly figures keep their significant digits; a job's points match the API's display. */
const digitsFor = (value: number, adaptive: boolean) => (adaptive && value > 0 && value < 1 ? 4 : 2);

function Headline(props: { label: string; testId: string; value: number | null; adaptive?: boolean; tone: "waifu" | "llama" }) {
  const { label, testId, value, adaptive = false, tone } = props;
  return (
    <div
      className={cn(
        "relative flex items-baseline justify-between gap-3 overflow-hidden rounded-lg bg-zinc-50 px-4 py-2.5 before:absolute before:inset-y-0 before:left-0 before:w-1 dark:bg-zinc-950",
        tone === "waifu" ? "before:bg-waifu" : "before:bg-llama",
      )}
    >
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd data-testid={testId} data-value={value ?? undefined} className="min-w-0 text-right text-2xl font-semibold break-all tabular-nums">
        {value === null ? "–" : formatPoints(value, digitsFor(value, adaptive))}
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

function baseWords(input: EstimatorInput, base: number): string {
  if (input.llm) {
    const tokens = input.llm.inputTokens + input.llm.outputTokens;
    return `${tokens.toLocaleString("en-US")} tokens ÷ 1,000 = ${exact.format(base)} Llama Points before multipliers.`;
  }
  const { width, height, steps } = input.image!;
  if (base === 0) return `${width}×${height} at ${steps} steps is below the floor (512×512, 20 steps).`;
  const pixelFactor = 1 + (5 * (width * height - 262_144)) / 786_432;
  return `${width}×${height} pixels count ${exact.format(Number(pixelFactor.toFixed(4)))}× a 512×512 image, and ${steps} steps count ${exact.format(steps / 20)}× 20 steps: ${exact.format(base)} Waifu Points before multipliers.`;
}

export function EstimateResults(props: { estimate: Estimate | null; model: ModelInfo; schedule: RewardSchedule; input: EstimatorInput | null }) {
  const { estimate, model, schedule, input } = props;
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
        <Headline label="Points per hour" testId="points-per-hour" tone={tone} value={estimate ? estimate.perHour : null} adaptive />
        <Headline label="Points per day" testId="points-per-day" tone={tone} value={estimate ? estimate.perDay : null} adaptive />
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
                {baseWords(input, b.base)}
              </Factor>
              <Factor label="Model multiplier" testId="breakdown-model-multiplier" value={formatMultiplier(b.modelMultiplier)}>
                {estimate.notOffered
                  ? `${model.label} is not offered by ${schedule.id}.`
                  : `What ${schedule.id} pays for ${model.label} relative to the base.`}
              </Factor>
              <Factor label="NFT multiplier" testId="breakdown-nft-multiplier" value={formatMultiplier(b.nftMultiplier)}>
                {input.nfts === 0
                  ? "No NFTs, no boost. 1 NFT boosts up to 3 GPUs by ×1.1, 2 by ×1.15, 3 or more by ×1.2."
                  : `${input.nfts} NFT${input.nfts === 1 ? "" : "s"}: ${estimate.boostSlots} boost slots; this GPU is assumed to hold one.`}
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
            <h3 className="text-sm font-semibold">Per hour and per day</h3>
            <p className="mt-1 text-sm tabular-nums">
              {formatPoints(estimate.perJob)} per job × {estimate.compatibility.ok ? formatRate(estimate.rate.jobsPerHour) : "0"} jobs per hour ={" "}
              {formatPoints(estimate.perHour, digitsFor(estimate.perHour, true))} per hour; × 24 ={" "}
              {formatPoints(estimate.perDay, digitsFor(estimate.perDay, true))} per day.
            </p>
            <p data-testid="rate-source" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              {rateSource(estimate.rate, estimate.gpu, model)}
            </p>
            {estimate.compatibility.ok && estimate.catalogSeconds > estimate.timeoutSec ? (
              <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">
                At this size an {estimate.gpu.name} needs about {formatRate(estimate.catalogSeconds)} s per job, over the {estimate.timeoutSec} s
                timeout: real jobs like this would earn 0.
              </p>
            ) : null}
          </div>
        </>
      ) : null}
    </Card>
  );
}
