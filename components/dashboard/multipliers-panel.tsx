import type { ReactNode } from "react";
import { AddressLink, Badge, Card, LazyDetails } from "@/components/ui";
import { describeNftTable, describeStakeCurve } from "@/lib/dashboard/multipliers-text";
import { formatInt, formatMultiplier, formatPoints } from "@/lib/format";
import { SLOTS_PER_NFT, nftMultiplierPpm, ppmToNumber, type RewardSchedule } from "@/lib/points";

function Row({ label, value, children }: { label: string; value: ReactNode; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[11rem_1fr] sm:gap-4 lg:grid-cols-1 lg:gap-1">
      <dt className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{label}</dt>
      <dd className="text-sm text-zinc-700 dark:text-zinc-300">
        <span className="mr-2 text-base font-semibold tabular-nums text-zinc-900 dark:text-zinc-50">{value}</span>
        {children}
      </dd>
    </div>
  );
}

const slotsText = (nfts: number) => `${formatInt(nfts)} NFT${nfts === 1 ? "" : "s"} × ${SLOTS_PER_NFT} = ${formatInt(nfts * SLOTS_PER_NFT)} boost slots`;

export function MinerMultipliers({
  schedule,
  nftCount,
  hasBoostSlot,
  nftMultiplier,
  stake,
  stakeMultiplier,
  wallet,
}: {
  schedule: RewardSchedule;
  nftCount: number;
  hasBoostSlot: boolean;
  nftMultiplier: number;
  stake: number;
  stakeMultiplier: number;
  wallet: string;
}) {
  return (
    <Card>
      <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
        <Row label="Reward schedule" value={<Badge tone="info">{schedule.id}</Badge>}>
          prices every job this GPU completes now (model and category multipliers, timeouts, boosts).
        </Row>
        <Row label="NFT boost" value={formatMultiplier(nftMultiplier)}>
          {nftCount === 0 ? (
            <>
              The wallet holds no Heurist Imaginaries NFT. Each NFT boosts {SLOTS_PER_NFT} of the wallet&apos;s GPUs ({describeNftTable(schedule)}).
            </>
          ) : hasBoostSlot ? (
            <>This GPU holds one of its wallet&apos;s {slotsText(nftCount)}.</>
          ) : (
            <>
              Not boosted: the wallet&apos;s {slotsText(nftCount)} are held by its earliest-registered GPUs (see the <AddressLink id={wallet} /> wallet page).
            </>
          )}
        </Row>
        <Row label="Stake multiplier" value={formatMultiplier(stakeMultiplier)}>
          at {formatPoints(stake, 2)} stHEU delegated to this GPU. Curve: {describeStakeCurve(schedule.stakeCurve)}.
        </Row>
      </dl>
      <p className="mt-2 rounded-lg bg-zinc-50 px-3 py-2 font-mono text-xs text-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300">
        next job = base × model multiplier × {formatMultiplier(nftMultiplier)} NFT × {formatMultiplier(stakeMultiplier)} stake
      </p>
    </Card>
  );
}

/** Up to this many slot holders are listed; a wallet can hold 500 NFTs (1,500 slots). */
const HOLDERS_SHOWN = 60;

export function WalletMultipliers({
  schedule,
  nftCount,
  gpuCount,
  holders,
  stake,
}: {
  schedule: RewardSchedule;
  nftCount: number;
  gpuCount: number;
  /** Miner IDs holding a boost slot, earliest-registered first. */
  holders: string[];
  stake: number;
}) {
  const boost = ppmToNumber(nftMultiplierPpm(schedule, nftCount, true));
  return (
    <Card>
      <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
        <Row label="Reward schedule" value={<Badge tone="info">{schedule.id}</Badge>}>
          prices every job the wallet&apos;s GPUs complete now.
        </Row>
        <Row label="NFT boost slots" value={`${formatInt(holders.length)} of ${formatInt(gpuCount)} GPUs`}>
          {nftCount === 0 ? (
            <>
              No Heurist Imaginaries NFT held, so no GPU is boosted. Each NFT boosts {SLOTS_PER_NFT} GPUs: {describeNftTable(schedule)}.
            </>
          ) : (
            <>
              {slotsText(nftCount)}; each boosted GPU earns {formatMultiplier(boost)} ({describeNftTable(schedule)}). Slots go to the wallet&apos;s earliest-registered GPUs.
            </>
          )}
        </Row>
        <Row label="Stake" value={`${formatPoints(stake, 2)} stHEU`}>
          delegated across the wallet&apos;s GPUs. Each GPU&apos;s multiplier follows its own stake (column “Stake ×” below): {describeStakeCurve(schedule.stakeCurve)}.
        </Row>
      </dl>
      {holders.length > 0 ? (
        <LazyDetails
          className="mt-3 text-sm"
          summaryClassName="cursor-pointer font-medium text-zinc-700 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white"
          summary={`Which GPUs hold the ${formatInt(holders.length)} boost slots`}
        >
          <ul className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
            {holders.slice(0, HOLDERS_SHOWN).map((id) => (
              <li key={id}>
                <AddressLink id={id} kind="miner" />
              </li>
            ))}
          </ul>
          {holders.length > HOLDERS_SHOWN ? (
            <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">…and {formatInt(holders.length - HOLDERS_SHOWN)} more; the “Boost” badge in the table marks every one.</p>
          ) : null}
        </LazyDetails>
      ) : null}
    </Card>
  );
}
