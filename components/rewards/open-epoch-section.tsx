import { AddressLink, Card, Section, Stat, StatGrid } from "@/components/ui";
import { formatDateTime, formatPercent, formatPoints, formatRemaining } from "@/lib/format";
import { formatBps, formatTokenAmount } from "@/lib/market/amount";
import type { OpenEpoch } from "@/lib/schemas/open-epoch";

const esHeu = (v: { amountWei: string }) => formatTokenAmount(BigInt(v.amountWei));
const utc = formatDateTime; // "2026-12-11 00:00 UTC"

/**
 * The open epoch of a wallet or one GPU: points so far and the esHEU settlement would grant if the
 * epoch ended now, with every step of the computation (pool × points ÷ all points, the bribes).
 */
export function OpenEpochSection({ data, of }: { data: OpenEpoch | null; of: "wallet" | "node" | "staker" }) {
  if (!data) return null;
  const left = formatRemaining(Date.parse(data.endsAt), Date.parse(data.asOf)) ?? "ending now";
  const yours = of === "node" ? "this GPU's" : "this wallet's";
  const mines = of !== "staker"; // a staker without GPUs has no points: only its bribe shares
  const pools = [
    { kind: "Waifu", points: data.waifuPoints, all: data.network.waifuPoints, pool: data.network.waifuPool, share: data.waifuShare },
    { kind: "Llama", points: data.llamaPoints, all: data.network.llamaPoints, pool: data.network.llamaPool, share: data.llamaShare },
  ];
  return (
    <Section
      id="open-epoch"
      title={`Epoch ${data.epoch}: open, projected`}
      description={`${mines ? "Points so far this week and the esHEU they are" : "The esHEU this wallet's stakes are"} on course for, as of ${utc(data.asOf)}. The epoch ends ${utc(data.endsAt)} and is then settled.`}
    >
      <StatGrid className={mines ? "lg:grid-cols-4" : "lg:grid-cols-2"}>
        <Stat label="Projected esHEU" value={esHeu(data.projected)} hint="if the epoch ended now (see below)" />
        {mines ? (
          <>
            <Stat
              label="Waifu Points this epoch"
              tone="waifu"
              value={formatPoints(data.waifuPoints)}
              hint={`${formatPercent(data.waifuShare)} of the network's ${formatPoints(data.network.waifuPoints)}`}
            />
            <Stat
              label="Llama Points this epoch"
              tone="llama"
              value={formatPoints(data.llamaPoints)}
              hint={`${formatPercent(data.llamaShare)} of the network's ${formatPoints(data.network.llamaPoints)}`}
            />
          </>
        ) : null}
        <Stat label="Time left" value={left} hint={`ends ${utc(data.endsAt)}`} />
      </StatGrid>
      <Card className="mt-4 space-y-3 text-sm">
        <h3 className="text-base font-semibold">How the projection is computed</h3>
        <ul className="space-y-2">
          {(mines ? pools : []).map((p) => (
            <li key={p.kind} className="break-words">
              <strong>{p.kind} pool</strong> {esHeu(p.pool)} esHEU × {yours} {formatPoints(p.points)} points ÷ all {formatPoints(p.all)} {p.kind} Points
              {p.share !== null ? ` (a ${formatPercent(p.share)} share)` : " (no points in this pool yet)"}
            </li>
          ))}
          {mines ? (
            <li>
              = <strong>{esHeu(data.tokens)} esHEU</strong> from the pools
            </li>
          ) : null}
          {data.bribedNodes.length > 0 ? (
            <li>
              − <strong>{esHeu(data.toStakers)} esHEU</strong> bribe to stakers:
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {data.bribedNodes.map((n) => (
                  <li key={n.minerId} className="break-words">
                    <AddressLink id={n.minerId} kind="miner" />: {formatBps(n.bribeBps)} of {esHeu(n.tokens)} = {esHeu(n.toStakers)}
                  </li>
                ))}
              </ul>
            </li>
          ) : null}
          {data.stakedNodes && data.stakedNodes.length > 0 ? (
            <li>
              + <strong>{esHeu(data.asStaker ?? { amountWei: "0" })} esHEU</strong> as a staker:
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {data.stakedNodes.map((n) => (
                  <li key={n.minerId} className="break-words">
                    <AddressLink id={n.minerId} kind="miner" />: its {formatBps(n.bribeBps)} bribe, {esHeu(n.nodeToStakers)}, × your {formatPercent(n.weightShare)} of its
                    time-weighted stake = {esHeu(n.yours)}
                  </li>
                ))}
              </ul>
            </li>
          ) : null}
          <li>
            = <strong>{esHeu(data.projected)} esHEU projected</strong>, granted at settlement and vesting into HEU over a year.
          </li>
        </ul>
        <p className="text-zinc-600 dark:text-zinc-400">
          &ldquo;At the current rate&rdquo; assumes the epoch ends now: no more jobs from anyone and no stake moved. Each pool is a base emission plus an amount per point, so{" "}
          {of === "node" ? "this GPU's" : "the nodes'"} further jobs add to the projection while the network&apos;s further points share the base emission among more points. Bribes
          are those in force at the epoch&apos;s start; stakers are paid by stake × time. Jobs reported late for earlier epochs count at settlement, not here.
        </p>
      </Card>
    </Section>
  );
}
