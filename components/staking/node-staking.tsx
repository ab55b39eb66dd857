import { Badge, Card, CardTitle } from "@/components/ui";
import { formatDateTime, formatInt, formatMultiplier, formatPercent, formatPoints } from "@/lib/format";
import { portalChainConfigOf } from "@/lib/chain/config";
import { nodeHeuPerPoint } from "@/lib/market/yield";
import { ppmToNumber, scheduleAt, stakeMultiplierPpm } from "@/lib/points";
import type { TokenRate } from "@/lib/rewards";
import type { BribeHistoryResponse, ChainConfigResponse } from "@/lib/schemas/staking";
import type { MarketNode } from "@/lib/server/queries/market";
import { BribeHistory } from "./bribe-history";
import { LazyStakePanel } from "./lazy";
import type { NodeSummary } from "./node-context";

/**
 * One node's staking side: its indexed stake and multiplier, bribe in force and pending, the bribe
 * history with a cut warning, and the wallet panel to stake, unstake, move or set the bribe.
 */
export function NodeStaking({
  node,
  bribes,
  chain,
  rate,
  windowDays,
  now,
  titleId,
  eager,
}: {
  /** HEU per point from the portal's epochs; null before any epoch has points. */
  rate: TokenRate | null;
  node: MarketNode;
  bribes: BribeHistoryResponse;
  chain: ChainConfigResponse;
  windowDays: number;
  now: Date;
  titleId: string;
  eager?: boolean;
}) {
  const schedule = scheduleAt(now);
  const multiplier = ppmToNumber(stakeMultiplierPpm(schedule.stakeCurve, node.stakeHeu));
  const summary: NodeSummary = {
    minerId: node.minerId,
    stakeHeu: node.stakeHeu,
    splitStakeHeu: node.splitStakeHeu,
    esHeuWeight: node.esHeuWeight,
    recentPoints: node.waifuPoints7d + node.llamaPoints7d,
    windowDays,
    bribe: node.bribe,
    pendingBribe: node.pendingBribe,
    recentCut: node.recentCut,
    jobs7d: node.jobs7d,
    availability24h: node.availability24h,
    curve: schedule.stakeCurve,
    scheduleId: schedule.id,
    heuPerPoint: rate && nodeHeuPerPoint(rate, node.waifuPoints7d, node.llamaPoints7d),
  };
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
      <Card className="space-y-4 lg:col-span-3">
        <CardTitle id={titleId}>Stake on this node</CardTitle>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">Stake (indexed)</dt>
            <dd className="font-semibold tabular-nums" data-testid="node-stake">
              {formatInt(node.stakeHeu)} stHEU
            </dd>
          </div>
          <div>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">Stake multiplier</dt>
            <dd className="font-semibold tabular-nums" data-testid="node-multiplier">
              {formatMultiplier(multiplier)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">Bribe in force</dt>
            <dd className="font-semibold tabular-nums">
              {node.bribe === null ? "none" : formatPercent(node.bribe)}
              {node.pendingBribe ? (
                <span className="block text-xs font-normal">
                  <Badge tone="info">Pending</Badge> {formatPercent(node.pendingBribe.bribe)} from {formatDateTime(node.pendingBribe.effectiveAt).slice(0, 10)}
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">Points, {windowDays} days</dt>
            <dd className="font-semibold tabular-nums">{formatPoints(summary.recentPoints, 1)}</dd>
          </div>
        </dl>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Stake and bribes as indexed up to block {chain.indexedBlock ?? "—"} ({chain.confirmations} confirmation{chain.confirmations === 1 ? "" : "s"} behind the chain).
          Multiplier on the {schedule.id} stake curve.
        </p>
        {chain.contracts ? (
          <LazyStakePanel chain={portalChainConfigOf(chain)} node={summary} eager={eager} />
        ) : (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">No staking contracts are configured on this portal, so staking from a wallet is off.</p>
        )}
      </Card>
      <Card className="space-y-3 lg:col-span-2">
        <CardTitle>Bribe history</CardTitle>
        <BribeHistory data={bribes} />
      </Card>
    </div>
  );
}
