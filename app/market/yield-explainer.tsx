import { formatDateTime, formatInt, formatMultiplier, formatPercent, formatPoints, formatYieldPercent, shortId } from "@/lib/format";
import type { TokenRate } from "@/lib/rewards";
import type { MarketRow } from "./market-table";

/** "Show how it is computed": the formula, its inputs, and one row worked through. */
export function YieldExplainer({
  example,
  stakeHeu,
  scheduleId,
  rate,
}: {
  example: MarketRow | undefined;
  stakeHeu: number;
  scheduleId: string;
  rate: TokenRate | null;
}) {
  const e = example?.estimate;
  const n = example?.node;
  return (
    <div className="space-y-4 text-sm text-zinc-700 dark:text-zinc-300">
      <p className="rounded-lg bg-zinc-100 px-4 py-3 font-mono text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100">
        yield(P) = bribe × R(S+P) × P / (S+P)
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>P</strong> is the stake you typed ({formatInt(stakeHeu)} stHEU), <strong>S</strong> the stake already on the node, as the chain indexer
          has it. P / (S+P) is your share of the stakers&apos; cut: more stake from others dilutes it.
        </li>
        <li>
          <strong>R(S+P)</strong> is the node&apos;s points of the last 7 days, annualized (× 365 / 7), re-priced at the stake multiplier the node
          would have with your stake added: R × m(S+P) / m(S), on the stake curve of schedule <code className="font-mono">{scheduleId}</code>{" "}
          (1.0 up to 10,000 stHEU, rising to 1.5 at 100,000).
        </li>
        <li>
          <strong>bribe</strong> is the share of the node&apos;s rewards its operator pays to stakers, set on chain. A change applies from the next epoch
          (Friday 00:00 UTC), so the estimate uses the bribe from the next epoch on: a pending change if there is one, else the one in force. A node
          whose operator never set a bribe pays its stakers nothing.
        </li>
        <li>
          {rate ? (
            <>
              Points become HEU at the portal&apos;s own rate: {formatPoints(rate.waifu, 6)} HEU per Waifu Point and {formatPoints(rate.llama, 6)} per Llama
              Point,{" "}
              {rate.source === "open-epoch"
                ? `epoch ${rate.epoch}'s pools (open; base emission plus an amount per point) ÷ its points, projected to the end of the week at the pace so far, as of ${formatDateTime(rate.asOf)}`
                : `what settled epoch ${rate.epoch} paid (its pool ÷ its points), settled ${formatDateTime(rate.asOf)}`}
              . Each node is valued at its own mix of the two. A real epoch pays its pool ÷ all points once it ends.
            </>
          ) : (
            "No epoch has points yet, so there is no rate to turn points into HEU: yields appear once the network has earned points this week."
          )}
        </li>
      </ul>
      {e?.ok && n && example.bribe !== null ? (
        <div>
          <p className="font-medium text-zinc-900 dark:text-zinc-100">
            Worked example: node <span className="font-mono">{shortId(n.minerId)}</span>
          </p>
          <ol className="mt-1 list-decimal space-y-1 pl-5 tabular-nums">
            <li>
              R = {formatPoints(n.waifuPoints7d + n.llamaPoints7d, 1)} points in 7 days × 365 / 7 = {formatInt(e.rewardsPerYearNow)} points/year at{" "}
              {formatMultiplier(e.multiplierNow)}.
            </li>
            <li>
              With S + P = {formatInt(n.stakeHeu)} + {formatInt(stakeHeu)} stHEU the multiplier is {formatMultiplier(e.multiplierAfter)}: R(S+P) ={" "}
              {formatInt(e.rewardsPerYearAfter)} points/year.
            </li>
            <li>
              Your share P / (S+P) = {formatPercent(e.share)}; × bribe {formatPercent(example.bribe)} = {formatPoints(e.stakerPointsPerYear, 1)} points/year
              = {formatPoints(e.stakerHeuPerYear, 1)} HEU/year ({formatPoints(e.stakerHeuPerEpoch, 2)} HEU an epoch), {formatYieldPercent(e.apr)} of your stake.
            </li>
          </ol>
        </div>
      ) : (
        <p>No node on this page has a bribe set yet, so there is no example to work through.</p>
      )}
    </div>
  );
}
