import { Suspense } from "react";
import { Section, SkeletonTable } from "@/components/ui";
import { walletRewardHistory } from "@/lib/server/queries/epochs";
import { WalletRewards } from "./wallet-rewards";

async function Rewards({ address }: { address: string }) {
  return <WalletRewards history={await walletRewardHistory(address)} />;
}

/** The wallet's esHEU per settled epoch and its vesting, streamed after the rest of the page. */
export function WalletRewardsSection({ address }: { address: string }) {
  return (
    <Section
      id="rewards"
      title="Rewards per epoch"
      description="esHEU granted when each weekly epoch settled: as the operator of this wallet's GPUs (after their bribes) and as a staker. Each grant vests into HEU over a year."
    >
      <Suspense fallback={<SkeletonTable rows={4} />}>
        <Rewards address={address} />
      </Suspense>
    </Section>
  );
}
