import { Section, TabLinks, hrefWith, type SearchParamsRecord } from "@/components/ui";
import type { DailyPoint } from "@/lib/schemas/activity";
import { DailyCharts } from "./daily-charts";

/** The chart ranges a dashboard offers; anything else in the URL falls back to 30 days. */
export const CHART_SPANS = [7, 30, 90] as const;

export function chartSpan(days: number): number {
  return (CHART_SPANS as readonly number[]).includes(days) ? days : 30;
}

/** "Points per day" with its range tabs (links, so it works without JavaScript) and the charts. */
export function DailySection({ path, sp, span, days, description }: { path: string; sp: SearchParamsRecord; span: number; days: DailyPoint[]; description: string }) {
  const tabs = CHART_SPANS.map((d) => ({ href: hrefWith(path, sp, { days: d === 30 ? null : d }), label: `${d} days`, active: d === span }));
  return (
    <Section id="daily" title="Points per day" description={description} actions={<TabLinks label="Chart range" items={tabs} />}>
      <DailyCharts days={days} span={span} />
    </Section>
  );
}
