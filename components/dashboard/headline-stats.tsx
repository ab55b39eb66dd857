import { Stat } from "@/components/ui";
import { availabilitySample, availabilityTitle, onTimeSample } from "@/lib/dashboard/availability";
import { formatPercent, formatPoints } from "@/lib/format";
import type { Availability24h, OnTime24h } from "@/lib/schemas/activity";

export interface Headline {
  totalWaifuPoints: number;
  totalLlamaPoints: number;
  last24HrsWaifuPoints: number;
  last24HrsLlamaPoints: number;
  /** Measured availability (the router's heartbeats); a wallet's also names the GPUs it counts. */
  availability24h: Availability24h & { gpus?: number };
  /** Jobs completed in time ÷ jobs received: not availability. */
  onTime24h: OnTime24h;
}

/** The numbers a miner checks first: points earned, points today, is it up, does it finish in time, how many GPUs. */
export function HeadlineStats({ data, last }: { data: Headline; last: { label: string; value: string; hint?: string } }) {
  const a = data.availability24h;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      <Stat tone="waifu" label="Waifu Points, all time" value={formatPoints(data.totalWaifuPoints, 1)} hint={`+${formatPoints(data.last24HrsWaifuPoints, 1)} in the last 24 h`} />
      <Stat tone="llama" label="Llama Points, all time" value={formatPoints(data.totalLlamaPoints, 2)} hint={`+${formatPoints(data.last24HrsLlamaPoints, 2)} in the last 24 h`} />
      <Stat
        label="Points, last 24 h"
        value={formatPoints(data.last24HrsWaifuPoints + data.last24HrsLlamaPoints, 1)}
        hint={`${formatPoints(data.last24HrsWaifuPoints, 1)} Waifu + ${formatPoints(data.last24HrsLlamaPoints, 2)} Llama`}
      />
      <Stat
        label="Availability, 24 h"
        value={<span title={availabilityTitle(a)}>{formatPercent(a.ratio)}</span>}
        hint={availabilitySample(a)}
      />
      <Stat label="On time 24 h" value={formatPercent(data.onTime24h.ratio)} hint={onTimeSample(data.onTime24h)} />
      <Stat label={last.label} value={last.value} hint={last.hint} />
    </dl>
  );
}
