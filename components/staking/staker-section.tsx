import Link from "next/link";
import { Suspense } from "react";
import { Badge, Card, Section } from "@/components/ui";
import { formatTokenAmount } from "@/lib/market/amount";
import { bribeStates } from "@/lib/server/queries/bribes";
import { getStaker } from "@/lib/server/queries/staker";
import { TickingCountdown } from "./countdown";
import { StakeLocksTable, StakePositionsTable } from "./stake-tables";
import { StakedNodeBribes } from "./staked-node-bribes";

/** What a wallet has staked and its HEU locks, read from the indexer; nothing for a wallet that never staked. Streams in. */
export function StakerSection({ address }: { address: string }) {
  return (
    <Suspense fallback={null}>
      <StakerData address={address} />
    </Suspense>
  );
}

async function StakerData({ address }: { address: string }) {
  const now = new Date();
  const s = await getStaker(address, now);
  if (s.positions.length === 0 && s.locks.length === 0) return null;
  const bribes = await bribeStates([...new Set(s.positions.map((p) => p.minerId))], now);
  const chainAheadMs = Date.parse(s.asOf) - now.getTime();
  const wei = (v: string) => formatTokenAmount(BigInt(v));
  return (
    <Section
      id="stakes"
      title="Stakes of this wallet"
      description={
        <>
          {wei(s.totals.staked.amountWei)} stHEU staked ({wei(s.totals.stakedHeu.amountWei)} HEU + {wei(s.totals.stakedEsHeu.amountWei)} esHEU), {wei(s.totals.locked.amountWei)}{" "}
          HEU locked, {wei(s.totals.withdrawable.amountWei)} HEU ready to withdraw.{" "}
          <Link href="/market#my-stakes" className="underline">
            Manage in the staking market
          </Link>
        </>
      }
    >
      <Card className="space-y-5">
        {s.positions.length > 0 ? <StakePositionsTable positions={s.positions} caption="Stake per node and token" label="Stakes of this wallet" amountHeading="Staked" /> : null}
        {s.locks.length > 0 ? (
          <StakeLocksTable
            locks={s.locks}
            caption="Unstaked HEU, locked for 30 days"
            label="HEU locks of this wallet"
            nodeColumn={false}
            countdown={(l) => (l.status === "locked" ? <TickingCountdown to={l.unlockAt} offsetMs={chainAheadMs} done="open now" /> : null)}
            status={(l) => (
              <Badge tone={l.status === "locked" ? "warning" : l.status === "unlocked" ? "success" : "neutral"}>
                {l.status === "locked" ? "Locked" : l.status === "unlocked" ? "Ready to withdraw" : "Withdrawn"}
              </Badge>
            )}
          />
        ) : null}
        {s.positions.length > 0 ? (
          <div className="space-y-2">
            <h3 className="text-base font-semibold">Bribe changes of these nodes</h3>
            <StakedNodeBribes states={bribes} />
          </div>
        ) : null}
      </Card>
    </Section>
  );
}
