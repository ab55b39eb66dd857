import { Stat } from "@/components/ui";
import { availabilitySample, availabilityTitle, onTimeSample } from "@/lib/dashboard/availability";
import { headlineFigures, type HeadlinePoints } from "@/lib/dashboard/headline";
import { formatPercent } from "@/lib/format";
import type { Availability24h, OnTime24h } from "@/lib/schemas/activity";

export interface Headline extends HeadlinePoints {
  /** Measured availability (the router's heartbeats); a wallet's also names the GPUs it counts. */
  availability24h: Availability24h & { gpus?: number };
  /** Jobs completed in time ÷ jobs received: not availability. */
  onTime24h: OnTime24h;
}

/** The numbers a miner checks first: points earned, points today, is it up, does it finish in time, how many GPUs. */
export function HeadlineStats({ data, last }: { data: Headline; last: { label: string; value: string; hint?: string } }) {
  const a = data.availability24h;
  const f = headlineFigures(data);
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      <Stat tone="waifu" label="Waifu Points, all time" value={f.waifu} hint={`+${f.waifu24h} in the last 24 h`} />
      <Stat tone="llama" label="Llama Points, all time" value={f.llama} hint={`+${f.llama24h} in the last 24 h`} />
      <Stat label="Points, last 24 h" value={f.total24h} hint={`${f.waifu24h} Waifu + ${f.llama24h} Llama`} />
      <Stat label="Availability, 24 h" value={<span title={availabilityTitle(a)}>{formatPercent(a.ratio)}</span>} hint={availabilitySample(a)} />
      <Stat label="On time 24 h" value={formatPercent(data.onTime24h.ratio)} hint={onTimeSample(data.onTime24h)} />
      <Stat label={last.label} value={last.value} hint={last.hint} />
    </dl>
  );
}
