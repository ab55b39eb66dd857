import type { CSSProperties, ReactNode } from "react";
import { BribeStatusBadge } from "@/components/staking/bribe-status";
import { ChartFigure } from "@/components/charts/chart-figure";
import { formatDay } from "@/components/charts/chart-format";
import { Card, EmptyState, Table, Td, Th, Tr, cn } from "@/components/ui";
import {
  availabilityBars,
  availabilitySampleOfDay,
  availabilitySummary,
  bribeSeries,
  bribeSummary,
  dayFromJobs,
  formatStake,
  onTimeCell,
  stakeSteps,
  stakeSummary,
} from "@/lib/dashboard/node-history";
import { formatDateTime, formatPercent } from "@/lib/format";
import { formatBps } from "@/lib/market/amount";
import type { NodeHistory, NodeHistoryDay } from "@/lib/schemas/node-history";
import { LazyAvailabilityBarChart, LazyBribeStepChart, LazyStakeStepChart } from "./lazy-node-history-charts";

// A node's history as three charts with their numbers a click away: bribe % over time (a pending
// change dashed), total stake over time, availability per day. It takes the data as props so the
// market's compare view can place several nodes' histories; node-history-section.tsx loads one.

const SOLID: CSSProperties = { background: "var(--chart-llama)" };
const HATCHED: CSSProperties = {
  background: "repeating-linear-gradient(45deg, var(--chart-llama) 0 2px, color-mix(in oklab, var(--chart-llama) 25%, transparent) 2px 5px)",
};

function Key({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <li className="flex items-start gap-2">
      <span aria-hidden="true" className="mt-1 shrink-0">
        {swatch}
      </span>
      <span>{children}</span>
    </li>
  );
}

function Legend({ children }: { children: ReactNode }) {
  return <ul className="mt-2 space-y-1 text-xs text-zinc-600 dark:text-zinc-400">{children}</ul>;
}

const box = (style: CSSProperties) => <span className="block size-3 rounded-sm" style={style} />;
const stroke = (style: CSSProperties) => <span className="block h-0 w-5 translate-y-1" style={style} />;

const SOURCE_LABEL: Record<NodeHistoryDay["availability"]["source"], string> = {
  heartbeats: "heartbeats",
  jobs: "received jobs",
  mixed: "heartbeats and received jobs",
  none: "–",
};

function AvailabilityFigure({ history }: { history: NodeHistory }) {
  const days = history.days;
  if (!days.some((d) => d.availability.buckets > 0)) {
    return <EmptyState title="No days measured yet">The router has not reported this node and it has received no job in the last {days.length || 30} days.</EmptyState>;
  }
  const anyFromJobs = days.some(dayFromJobs);
  return (
    <ChartFigure
      title={`Availability per day, last ${days.length} days`}
      summary={availabilitySummary(days)}
      tableLabel="Show numbers"
      chart={
        <>
          <LazyAvailabilityBarChart bars={availabilityBars(days)} />
          <Legend>
            <Key swatch={box(SOLID)}>Share of the day&apos;s 5-minute buckets in which the job router saw the node online (its heartbeats).</Key>
            {anyFromJobs ? (
              <Key swatch={box(HATCHED)}>
                Hatched: measured wholly or partly from received jobs, before the router&apos;s heartbeats began: an hour with a job counts as available.
              </Key>
            ) : null}
          </Legend>
        </>
      }
      table={
        <Table
          caption={`Availability and on-time rate per UTC day, last ${days.length} days, newest first`}
          captionHidden
          columns={["Day (UTC)", { label: "Available", numeric: true }, { label: "Online", numeric: true }, "Measured from", { label: "On time", numeric: true }]}
        >
          {[...days].reverse().map((d) => (
            <Tr key={d.date}>
              <Th scope="row">{formatDay(d.date)}</Th>
              <Td numeric>{formatPercent(d.availability.ratio)}</Td>
              <Td numeric>{availabilitySampleOfDay(d)}</Td>
              <Td className="whitespace-nowrap">{SOURCE_LABEL[d.availability.source]}</Td>
              <Td numeric>{onTimeCell(d)}</Td>
            </Tr>
          ))}
        </Table>
      }
    />
  );
}

const STAKE_KIND: Record<NodeHistory["stake"][number]["kind"], string> = { start: "in force at the start", change: "staked, unstaked or moved", now: "now" };

function StakeFigure({ history }: { history: NodeHistory }) {
  if (history.stake.length === 0) {
    return <EmptyState title="Never staked on">No stHEU has been staked on this node yet.</EmptyState>;
  }
  const points = stakeSteps(history.stake);
  return (
    <ChartFigure
      title={`Total stake, last ${history.days.length} days`}
      summary={stakeSummary(history.stake)}
      tableLabel="Show numbers"
      chart={<LazyStakeStepChart points={points} domain={[Date.parse(history.from), Math.max(Date.parse(history.asOf), points.at(-1)!.t)]} />}
      table={
        <Table caption="Total stake on the node (HEU and esHEU) at each change, newest first" captionHidden columns={["From (UTC)", { label: "Stake", numeric: true }, "What"]}>
          {[...history.stake].reverse().map((p, i) => (
            <Tr key={`${p.kind}-${p.at}-${i}`}>
              <Th scope="row" className="whitespace-nowrap">
                {formatDateTime(p.at)}
              </Th>
              <Td numeric>{formatStake(p.stakeWei)}</Td>
              <Td className="whitespace-nowrap">{STAKE_KIND[p.kind]}</Td>
            </Tr>
          ))}
        </Table>
      }
    />
  );
}

function BribeFigure({ history }: { history: NodeHistory }) {
  const series = bribeSeries(history.bribes);
  if (!series) {
    return <EmptyState title="No bribe set">The operator has not set a bribe: this node&apos;s stakers receive no share of its rewards.</EmptyState>;
  }
  const pending = series.pending;
  return (
    <ChartFigure
      title="Bribe over time"
      summary={`${bribeSummary(history.bribes)} A change applies from the next epoch (Friday 00:00 UTC).`}
      tableLabel="Show numbers"
      chart={
        <>
          <LazyBribeStepChart series={series} />
          <Legend>
            <Key swatch={stroke({ borderTop: "2px solid var(--chart-neutral)" })}>Bribe in force: the share of the node&apos;s rewards paid to its stakers.</Key>
            {pending ? (
              <Key swatch={stroke({ borderTop: "2px dashed var(--chart-waifu)" })}>
                Dashed: {formatBps(pending.bps)} pending from epoch {pending.epoch}, {formatDateTime(pending.effectiveAt)}.
              </Key>
            ) : null}
          </Legend>
        </>
      }
      table={
        <Table caption="Bribe changes, newest first" captionHidden columns={["Set (UTC)", { label: "Bribe", numeric: true }, "Applies from (00:00 UTC)", "Status"]}>
          {history.bribes.history.map((h) => (
            <Tr key={`${h.blockNumber}-${h.setAt}-${h.bps}`}>
              <Th scope="row" className="whitespace-nowrap">
                {formatDateTime(h.setAt)}
              </Th>
              <Td numeric>{formatBps(h.bps)}</Td>
              <Td className="whitespace-nowrap">
                epoch {h.effectiveEpoch} · {h.effectiveAt.slice(0, 10)}
              </Td>
              <Td>
                <BribeStatusBadge entry={h} />
              </Td>
            </Tr>
          ))}
        </Table>
      }
    />
  );
}

/**
 * The three history charts of one node. `stacked` puts them in one column (a narrow place such as
 * a compare column); otherwise they sit side by side where the screen allows.
 */
export function NodeHistoryCharts({ history, stacked = false }: { history: NodeHistory; stacked?: boolean }) {
  return (
    <div className={cn("grid grid-cols-1 gap-4", !stacked && "lg:grid-cols-2 2xl:grid-cols-3")}>
      <Card className="min-w-0">
        <BribeFigure history={history} />
      </Card>
      <Card className="min-w-0">
        <StakeFigure history={history} />
      </Card>
      <Card className={cn("min-w-0", !stacked && "lg:col-span-2 2xl:col-span-1")}>
        <AvailabilityFigure history={history} />
      </Card>
    </div>
  );
}
