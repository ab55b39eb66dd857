import Link from "next/link";
import { AddressHeader } from "@/components/dashboard/address-header";
import { WalletRewardsSection } from "@/components/dashboard/wallet-rewards-section";
import { OpenEpochSection } from "@/components/rewards/open-epoch-section";
import { formatDateTime } from "@/lib/format";
import { walletOpenEpoch } from "@/lib/server/queries/open-epoch";
import { WatchesSection } from "@/components/watches/watches-section";
import { StakerSection } from "./staker-section";

/**
 * The wallet page of an address that stakes but runs no GPU: its positions and locks, the bribe
 * changes of the nodes it stakes on, this epoch's projected share and its esHEU per epoch.
 */
export async function StakerView({ address }: { address: string }) {
  const now = new Date();
  const openEpoch = await walletOpenEpoch(address, now);
  return (
    <div className="space-y-10">
      <AddressHeader kind="Staker" address={address}>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          This address stakes on mining nodes and runs no GPU of its own: its stakes, HEU locks and the bribes of its nodes, read from the chain, and what it earns as a staker.{" "}
          <Link href="/market" className="underline">
            Compare nodes in the staking market
          </Link>
        </p>
      </AddressHeader>

      <StakerSection address={address} />

      {openEpoch && (openEpoch.stakedNodes?.length ?? 0) > 0 ? <OpenEpochSection data={openEpoch} of="staker" /> : null}

      <WalletRewardsSection address={address} />

      <WatchesSection address={address} />

      <p className="text-xs text-zinc-600 dark:text-zinc-400">As of {formatDateTime(now.toISOString())}.</p>
    </div>
  );
}
