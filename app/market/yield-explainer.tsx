import { formatUnits } from "viem";
import { formatDateTime, formatInt, formatMultiplier, formatPercent, formatPoints, formatYieldPercent, shortId } from "@/lib/format";
import { formatBps } from "@/lib/market/amount";
import type { MarketResponse, MarketRow } from "@/lib/schemas/market";

/** "Show how it is computed": the formula, its inputs, and one row worked through to the wei. */
export function YieldExplainer({ example, market }: { example: MarketRow | undefined; market: MarketResponse }) {
  const { rate, stake: P, scheduleId, esHeuWeight: w } = market;
  const y = example?.yield;
  return (
    <div className="space-y-4 text-sm text-zinc-700 dark:text-zinc-300">
      <p className="rounded-lg bg-zinc-100 px-4 py-3 font-mono text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100">yield(P) = bribe × R(S+P) × P / (Sw+P)</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>P</strong> is the stake you typed ({formatInt(P)} HEU), <strong>S</strong> the stake already on the node, as the chain indexer has it. <strong>Sw</strong> is that
          stake as the bribe split weighs it: esHEU counts {formatMultiplier(w)} (the reward configuration&apos;s weight), so Sw = HEU + {formatPoints(w, 4)} × esHEU. P / (Sw+P) is
          your share of the stakers&apos; cut: more stake from others dilutes it. Staked as esHEU, P weighs {formatPoints(w, 4)} P: its share is {formatPoints(w, 4)}P / (Sw+
          {formatPoints(w, 4)}P), the table&apos;s second figure.
        </li>
        <li>
          <strong>R(S+P)</strong> is the node&apos;s points of the last 7 days, annualized (× 365 / 7), re-priced at the stake multiplier the node would have with your stake added:
          R × m(S+P) / m(S), on the stake curve of schedule <code className="font-mono">{scheduleId}</code>.
        </li>
        <li>
          <strong>bribe</strong> is the share of the node&apos;s rewards its operator pays to stakers, set on chain. A change applies from the next epoch (Friday 00:00 UTC), so the
          estimate uses the bribe from the next epoch on: a pending change if there is one, else the one in force.
        </li>
        <li>
          {rate ? (
            <>
              Points become HEU at the portal&apos;s own rate: {formatPoints(rate.waifu, 6)} HEU per Waifu Point and {formatPoints(rate.llama, 6)} per Llama Point,{" "}
              {rate.source === "open-epoch"
                ? `epoch ${rate.epoch}'s pools (open; base emission plus an amount per point) ÷ its points, projected to the end of the week at the pace so far, as of ${formatDateTime(rate.asOf)}`
                : `what settled epoch ${rate.epoch} paid (its pool ÷ its points), settled ${formatDateTime(rate.asOf)}`}
              . Each node is valued at its own mix of the two.
            </>
          ) : (
            "No epoch has points yet, so there is no rate to turn points into HEU: yields appear once the network has earned points this week."
          )}
        </li>
      </ul>
      {example && y && rate && example.bribe.forStakeBps !== null ? (
        <WorkedExample r={example} P={P} rate={rate} esHeuWeight={w} />
      ) : (
        <p>No node on this page has a bribe set yet, so there is no example to work through.</p>
      )}
    </div>
  );
}

function WorkedExample({ r, P, rate, esHeuWeight }: { r: MarketRow; P: number; rate: NonNullable<MarketResponse["rate"]>; esHeuWeight: number }) {
  const y = r.yield!;
  const points = r.points7d.waifu + r.points7d.llama;
  const R = (points / 7) * 365;
  const S = r.stake.total;
  const Sw = r.stake.weighted;
  const heuPerPoint = points > 0 ? (r.points7d.waifu * rate.waifu + r.points7d.llama * rate.llama) / points : rate.waifu;
  return (
    <div>
      <p className="font-medium text-zinc-900 dark:text-zinc-100">
        Worked example: node <span className="font-mono">{shortId(r.minerId)}</span>
      </p>
      <ol className="mt-1 list-decimal space-y-1 pl-5 tabular-nums">
        <li>
          R = {formatPoints(points, 1)} points in 7 days × 365 / 7 = {formatInt(R)} points/year at {formatMultiplier(r.stake.multiplierNow)}.
        </li>
        <li>
          With S + P = {formatInt(S)} + {formatInt(P)} HEU the multiplier is {formatMultiplier(r.stake.multiplierAfter)}: R(S+P) ={" "}
          {formatInt((R * r.stake.multiplierAfter) / r.stake.multiplierNow)} points/year.
        </li>
        <li>
          Sw = {formatInt(Sw)} (HEU + esHEU × {formatPoints(esHeuWeight, 4)}); your share P / (Sw+P) = {formatPercent(y.share)}; × bribe {formatBps(r.bribe.forStakeBps!)} ×{" "}
          {formatPoints(heuPerPoint, 6)} HEU per point = {formatPoints(y.heuPerYear, 1)} HEU/year, {formatYieldPercent(y.percentPerYear / 100)} of your stake.
        </li>
        <li>
          Per weekly epoch: <span data-testid="worked-heu-per-epoch">{formatUnits(BigInt(y.heuPerEpochWei), 18)}</span> HEU, the figure in the table and in{" "}
          <code className="font-mono">GET /api/v1/market</code> (<code className="font-mono">yield.heuPerEpochWei</code>).
        </li>
        {r.yieldEsHeu ? (
          <li>
            The same {formatInt(P)} as esHEU weighs {formatInt(P * esHeuWeight)}: share {formatPercent(r.yieldEsHeu.share)},{" "}
            <span data-testid="worked-esheu-per-epoch">{formatUnits(BigInt(r.yieldEsHeu.heuPerEpochWei), 18)}</span> HEU per epoch,{" "}
            {formatYieldPercent(r.yieldEsHeu.percentPerYear / 100)} a year (<code className="font-mono">yieldEsHeu</code>).
          </li>
        ) : null}
      </ol>
    </div>
  );
}
