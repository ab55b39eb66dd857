import { EmptyState, Pagination, Table, TBody, Td, THead, Th, Tr, type SearchParamsRecord } from "@/components/ui";
import { formatDateTime, formatInt, formatPoints } from "@/lib/format";
import type { LeaderboardWindow, PointTypeName } from "@/lib/schemas/leaderboard";
import { SnapshotPending } from "@/components/snapshot-pending";
import { WalletRankCells } from "@/components/leaderboard-cells";
import { getLeaderboard, leaderboardIntervalSeconds } from "@/lib/server/queries/leaderboard";
import { everyLabel } from "@/lib/snapshots/schedule";
import { PAGE_SIZE } from "./params";

const WINDOW_TEXT: Record<LeaderboardWindow, string> = { "24h": "last 24 hours", "7d": "last 7 days", all: "all time" };
const TYPE_TEXT: Record<PointTypeName, string> = { waifu: "Waifu Points", llama: "Llama Points" };

export async function LeaderboardSection({ type, window, page, searchParams }: { type: PointTypeName; window: LeaderboardWindow; page: number; searchParams: SearchParamsRecord }) {
  const board = await getLeaderboard({ type, window, page, pageSize: PAGE_SIZE });
  const every = everyLabel(leaderboardIntervalSeconds());
  if (!board) return <SnapshotPending what="The leaderboard" intervalSeconds={leaderboardIntervalSeconds()} />;
  if (board.total === 0) {
    return <EmptyState title={`No ${TYPE_TEXT[type]} earned in the ${WINDOW_TEXT[window]} yet`}>Wallets appear here once their GPUs complete jobs.</EmptyState>;
  }
  if (board.items.length === 0) {
    return (
      <EmptyState title={`Page ${page} is past the end`}>
        There are {formatInt(board.total)} wallets on this leaderboard.{" "}
        <Pagination path="/gpus" searchParams={searchParams} page={page} pageSize={PAGE_SIZE} total={board.total} label="Leaderboard pages" scroll={false} />
      </EmptyState>
    );
  }
  return (
    <div>
      <Table caption={`Wallets by ${TYPE_TEXT[type]}, ${WINDOW_TEXT[window]}, page ${page}`} captionHidden label="Leaderboard table">
        <THead>
          <tr>
            <Th numeric className="w-12">
              Rank
            </Th>
            <Th>Wallet</Th>
            <Th numeric>GPUs</Th>
            <Th numeric>{TYPE_TEXT[type]}</Th>
            <Th numeric className="hidden sm:table-cell">
              Per GPU
            </Th>
          </tr>
        </THead>
        <TBody>
          {board.items.map((r) => (
            <Tr key={r.address}>
              <WalletRankCells row={r} />
              <Td numeric className="font-semibold">
                {formatPoints(r.points, r.points < 100 ? 2 : 0)}
              </Td>
              <Td numeric className="hidden sm:table-cell">
                {r.gpuCount ? formatPoints(r.points / r.gpuCount, 2) : "—"}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Pagination path="/gpus" searchParams={searchParams} page={page} pageSize={PAGE_SIZE} total={board.total} label="Leaderboard pages" scroll={false} />
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        Points as of {formatDateTime(board.computedAt)}
        {board.stale ? ", behind schedule" : ""} (a snapshot the worker rebuilds {every}). GPUs: each wallet&apos;s GPUs now, as its page counts them; per GPU divides the
        window&apos;s points by that count.
      </p>
    </div>
  );
}
