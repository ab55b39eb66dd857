import { BribeStatusBadge } from "@/components/staking/bribe-status";
import { Badge, Card, Table, Td, Tr } from "@/components/ui";
import { ChartFigure } from "@/components/charts/chart-figure";
import { formatDateTime } from "@/lib/format";
import { formatBps } from "@/lib/market/amount";
import type { BribeHistoryResponse } from "@/lib/schemas/staking";
import type { BribePoint } from "./bribe-chart";
import { LazyBribeChart } from "./lazy-bribe-chart";

/** Step points of the bribe in force over time, drawn up to now (or to a pending change). */
export function bribePoints(data: BribeHistoryResponse): BribePoint[] {
  const points = data.history
    .filter((h) => h.inForceFrom !== null)
    .map((h) => ({ t: Date.parse(h.inForceFrom!), percent: h.bps / 100 }))
    .sort((a, b) => a.t - b.t);
  const last = points.at(-1);
  if (last) points.push({ t: Math.max(Date.parse(data.asOf), last.t + 86_400_000), percent: last.percent });
  return points;
}

/** The warning a staker must not miss: the node's bribe went (or is going) down within 30 days. */
export function BribeCutWarning({ cut }: { cut: NonNullable<BribeHistoryResponse["recentCut"]> }) {
  return (
    <Card as="aside" tone="warning" aria-label="Bribe cut warning">
      <p className="text-sm text-amber-950 dark:text-amber-100">
        <strong>Bribe cut{cut.pending ? " ahead" : ""}:</strong> this node&apos;s operator {cut.pending ? "has set" : "set"} its bribe down from {formatBps(cut.fromBps)} to{" "}
        {formatBps(cut.toBps)}, {cut.pending ? "taking effect" : "in force since"} {formatDateTime(cut.effectiveAt)}. Stakers who joined for the higher bribe earn less from then
        on.
      </p>
    </Card>
  );
}

export function BribeHistory({ data }: { data: BribeHistoryResponse }) {
  const points = bribePoints(data);
  return (
    <div className="space-y-4">
      {data.recentCut ? <BribeCutWarning cut={data.recentCut} /> : null}
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        In force: <strong>{data.currentBps === null ? "none" : formatBps(data.currentBps)}</strong>
        {data.currentSince ? ` since ${formatDateTime(data.currentSince)}` : ""}
        {data.pending ? (
          <>
            {" "}
            · <Badge tone="info">Pending</Badge> {formatBps(data.pending.bps)} from {formatDateTime(data.pending.effectiveAt)}
          </>
        ) : null}
        .
      </p>
      {data.history.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No bribe set yet: stakers of this node receive no share of its rewards until its operator sets one.</p>
      ) : (
        <ChartFigure
          title="Bribe over time"
          summary="Each change applies from the next epoch (Friday 00:00 UTC) until the next one."
          chart={points.length > 1 ? <LazyBribeChart data={points} /> : null}
          tableLabel="Show every change"
          table={
            <Table caption="Bribe changes, newest first" captionHidden label="Bribe changes" columns={["Set", { label: "Bribe", numeric: true }, "Applies from", "Status"]}>
              {data.history.map((h) => (
                <Tr key={`${h.blockNumber}-${h.setAt}-${h.bps}`}>
                  <Td className="whitespace-nowrap">{formatDateTime(h.setAt)}</Td>
                  <Td numeric>{formatBps(h.bps)}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(h.effectiveAt)}</Td>
                  <Td>
                    <BribeStatusBadge entry={h} />
                  </Td>
                </Tr>
              ))}
            </Table>
          }
        />
      )}
    </div>
  );
}
