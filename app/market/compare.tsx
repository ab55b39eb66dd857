import Link from "next/link";
import { Badge, Card } from "@/components/ui";
import { formatInt, formatMultiplier, formatPercent, formatPoints, formatYieldPercent, shortId } from "@/lib/format";
import { formatBps } from "@/lib/market/amount";
import { marketHref, type MarketParams } from "@/lib/market/params";
import type { MarketRow } from "@/lib/schemas/market";

const yieldText = (y: MarketRow["yield"]) => (y ? `${formatYieldPercent(y.percentPerYear / 100)} · ${formatPoints(y.heuPerEpoch, 2)} HEU/epoch` : "—");

/** Up to 4 nodes side by side: the numbers a staker weighs, for the stake they typed. */
export function CompareNodes({ rows, params }: { rows: MarketRow[]; params: MarketParams }) {
  const facts: { label: string; value: (r: MarketRow) => React.ReactNode }[] = [
    { label: `Yield for ${formatInt(params.stake)} HEU`, value: (r) => yieldText(r.yield) },
    { label: `Yield for ${formatInt(params.stake)} esHEU`, value: (r) => yieldText(r.yieldEsHeu) },
    {
      label: "Bribe for a new stake",
      value: (r) => (
        <>
          {r.bribe.forStakeBps === null ? "none" : formatBps(r.bribe.forStakeBps)}
          {r.bribe.pending ? ` (from epoch ${r.bribe.pending.epoch}; now ${r.bribe.bps === null ? "none" : formatBps(r.bribe.bps)})` : ""}{" "}
          {r.bribe.recentCut ? <Badge tone="danger">cut from {formatBps(r.bribe.recentCut.fromBps)}</Badge> : null}
        </>
      ),
    },
    { label: "Stake", value: (r) => `${formatInt(r.stake.total)} HEU · ${formatMultiplier(r.stake.multiplierNow)} → ${formatMultiplier(r.stake.multiplierAfter)}` },
    { label: "Availability 24 h / 7 d / 30 d", value: (r) => (["24h", "7d", "30d"] as const).map((w) => formatPercent(r.availability[w].ratio)).join(" / ") },
    { label: "On time 7 d", value: (r) => `${formatPercent(r.onTime["7d"].ratio)} of ${formatInt(r.onTime["7d"].jobs)} jobs` },
    { label: "Points 7 d", value: (r) => formatPoints(r.points7d.waifu + r.points7d.llama, 1) },
    { label: "First seen", value: (r) => r.firstSeenAt.slice(0, 10) },
  ];
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {rows.map((r) => (
        <Card key={r.minerId} as="article" aria-label={`Node ${r.minerId}`}>
          <div className="flex items-start justify-between gap-2">
            <h3 className="min-w-0 font-semibold text-zinc-900 dark:text-zinc-50">
              <Link href={`/miners/${r.minerId}`} className="font-mono break-all hover:underline" title={r.minerId}>
                {shortId(r.minerId)}
              </Link>
              <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">{r.gpu ?? "unknown GPU"}</span>
            </h3>
            <Link
              href={marketHref(params, { compare: params.compare.filter((id) => id !== r.minerId) }, "#compare")}
              scroll={false}
              className="shrink-0 text-xs font-medium text-zinc-700 hover:underline dark:text-zinc-300"
            >
              Remove<span className="sr-only"> {r.minerId} from the comparison</span>
            </Link>
          </div>
          <dl className="mt-3 space-y-2 text-sm">
            {facts.map((f) => (
              <div key={f.label}>
                <dt className="text-xs text-zinc-600 dark:text-zinc-400">{f.label}</dt>
                <dd className="tabular-nums text-zinc-900 dark:text-zinc-100">{f.value(r)}</dd>
              </div>
            ))}
          </dl>
          <Link
            href={marketHref(params, { node: r.minerId }, "#stake")}
            className="mt-4 inline-flex h-9 items-center rounded-md bg-zinc-900 px-3 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
          >
            Stake on this node<span className="sr-only"> {r.minerId}</span>
          </Link>
        </Card>
      ))}
    </div>
  );
}
