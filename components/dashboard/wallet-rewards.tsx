import { EmptyState, Stat, StatGrid, Table, Td, Th, Tr } from "@/components/ui";
import type { WalletRewardHistory } from "@/lib/server/queries/epochs";

const heu = (s: string) => Number(s).toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** A wallet's esHEU per settled epoch and its vesting, with the CSV of the same rows. */
export function WalletRewards({ history }: { history: WalletRewardHistory }) {
  if (history.epochs.length === 0) {
    return (
      <div className="mt-4">
        <EmptyState title="No rewards for this wallet yet">
          It has no miner ID or stake in a settled epoch. Rewards appear once an epoch it mined or staked in is settled.
        </EmptyState>
      </div>
    );
  }
  const { vesting } = history;
  const share = Number(vesting.granted) > 0 ? Number(vesting.vested) / Number(vesting.granted) : 0;
  return (
    <div className="mt-4 space-y-4">
      <StatGrid>
        <Stat label="esHEU granted" value={heu(vesting.granted)} />
        <Stat label="Vested into HEU" value={heu(vesting.vested)} hint={`${(share * 100).toFixed(1)} % as of ${vesting.asOf.slice(0, 16).replace("T", " ")} UTC`} />
        <Stat label="Still vesting" value={heu(vesting.unvested)} hint="each grant vests linearly over a year from its epoch's end" />
      </StatGrid>
      <div
        className="h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        role="progressbar"
        aria-label="Vested share"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
      >
        <div className="h-full bg-emerald-600" style={{ width: `${share * 100}%` }} />
      </div>
      <Table
        caption={`esHEU per epoch for ${history.wallet}`}
        columns={["Epoch", "Week from", { label: "As miner (after bribes)", numeric: true }, { label: "As staker", numeric: true }, { label: "Total", numeric: true }]}
      >
        {history.epochs.map((e) => (
          <Tr key={e.epoch}>
            <Th scope="row">{e.epoch}</Th>
            <Td>{e.startsAt.slice(0, 10)}</Td>
            <Td numeric>{heu(e.asMiner)}</Td>
            <Td numeric>{heu(e.asStaker)}</Td>
            <Td numeric>{heu(e.total)}</Td>
          </Tr>
        ))}
      </Table>
      <a href={`/api/v1/wallets/${history.wallet}/rewards.csv`} className="inline-block text-sm font-medium underline" download>
        Download as CSV
      </a>
    </div>
  );
}
