import { AddressLink, Td, Th } from "@/components/ui";
import { formatInt } from "@/lib/format";
import type { LeaderboardResponse } from "@/lib/schemas/leaderboard";

/** A leaderboard row's rank, wallet and GPU cells, as the home page's top 10 and the GPUs page's table show them. */
export function WalletRankCells({ row }: { row: LeaderboardResponse["items"][number] }) {
  return (
    <>
      <Td numeric className="text-zinc-600 dark:text-zinc-400">
        {formatInt(row.rank)}
      </Td>
      <Th scope="row">
        <AddressLink id={row.address} />
      </Th>
      <Td numeric>{formatInt(row.gpuCount)}</Td>
    </>
  );
}
