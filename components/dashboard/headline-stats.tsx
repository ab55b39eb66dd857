import { Stat, StatGrid } from "@/components/ui";
import { formatInt, formatPercent, formatPoints } from "@/lib/format";

export interface Headline {
  totalWaifuPoints: number;
  totalLlamaPoints: number;
  last24HrsWaifuPoints: number;
  last24HrsLlamaPoints: number;
  last24HrsJobCount: number;
  last24HrsAvailability: number | null;
}

/** The numbers a miner checks first: points earned, points today, is it up, how many GPUs. */
export function HeadlineStats({ data, last }: { data: Headline; last: { label: string; value: string; hint?: string } }) {
  const succeeded = data.last24HrsAvailability === null ? 0 : Math.round(data.last24HrsAvailability * data.last24HrsJobCount);
  return (
    <StatGrid>
      <Stat tone="waifu" label="Waifu Points, all time" value={formatPoints(data.totalWaifuPoints, 1)} hint={`+${formatPoints(data.last24HrsWaifuPoints, 1)} in the last 24 h`} />
      <Stat tone="llama" label="Llama Points, all time" value={formatPoints(data.totalLlamaPoints, 2)} hint={`+${formatPoints(data.last24HrsLlamaPoints, 2)} in the last 24 h`} />
      <Stat
        label="Points, last 24 h"
        value={formatPoints(data.last24HrsWaifuPoints + data.last24HrsLlamaPoints, 1)}
        hint={`${formatPoints(data.last24HrsWaifuPoints, 1)} Waifu + ${formatPoints(data.last24HrsLlamaPoints, 2)} Llama`}
      />
      <Stat
        label="Availability, 24 h"
        value={formatPercent(data.last24HrsAvailability)}
        hint={data.last24HrsJobCount === 0 ? "No jobs in the last 24 h" : `${formatInt(succeeded)} of ${formatInt(data.last24HrsJobCount)} jobs done in time`}
      />
      <Stat label={last.label} value={last.value} hint={last.hint} />
    </StatGrid>
  );
}
