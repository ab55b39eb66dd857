import { EmptyState, Pagination, type SearchParamsRecord } from "@/components/ui";
import { formatDateTime, formatInt, formatPoints } from "@/lib/format";
import type { LeaderboardWindow, PointTypeName } from "@/lib/schemas/leaderboard";
import { SnapshotPending } from "@/components/snapshot-pending";
import { WalletBoardTable } from "@/components/wallet-board-table";
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
      <WalletBoardTable
        rows={board.items}
        caption={`Wallets by ${TYPE_TEXT[type]}, ${WINDOW_TEXT[window]}, page ${page}`}
        captionHidden
        label="Leaderboard table"
        rankHead={{ label: "Rank", className: "w-12" }}
        columns={[
          { head: TYPE_TEXT[type], cellClass: "font-semibold", cell: (r) => formatPoints(r.points, r.points < 100 ? 2 : 0) },
          { head: "Per GPU", headClass: "hidden sm:table-cell", cellClass: "hidden sm:table-cell", cell: (r) => (r.gpuCount ? formatPoints(r.points / r.gpuCount, 2) : "—") },
        ]}
      />
      <Pagination path="/gpus" searchParams={searchParams} page={page} pageSize={PAGE_SIZE} total={board.total} label="Leaderboard pages" scroll={false} />
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        Points as of {formatDateTime(board.computedAt)}
        {board.stale ? ", behind schedule" : ""} (a snapshot the worker rebuilds {every}). GPUs: each wallet&apos;s GPUs now, as its page counts them; per GPU divides the
        window&apos;s points by that count.
      </p>
    </div>
  );
}
