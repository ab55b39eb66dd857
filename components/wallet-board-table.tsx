import type { ReactNode } from "react";
import { AddressLink, Table, TBody, Td, THead, Th, Tr } from "@/components/ui";
import { formatInt } from "@/lib/format";
import type { LeaderboardResponse } from "@/lib/schemas/leaderboard";

type Row = LeaderboardResponse["items"][number];

/** A column after rank, wallet and GPUs: its heading, its cell, and classes for each. */
export interface BoardColumn {
  head: ReactNode;
  cell: (row: Row) => ReactNode;
  headClass?: string;
  cellClass?: string;
}

/**
 * Wallets ranked by points, as the home page's top 10 and the GPUs page's leaderboard show them:
 * rank, wallet and GPU count, then the page's own columns.
 */
export function WalletBoardTable({
  rows,
  rankHead,
  columns,
  ...table
}: {
  rows: readonly Row[];
  /** The rank column's heading and width class. */
  rankHead: { label: string; className: string };
  columns: readonly BoardColumn[];
  caption: string;
  captionHidden?: boolean;
  label: string;
}) {
  return (
    <Table {...table}>
      <THead>
        <tr>
          <Th numeric className={rankHead.className}>
            {rankHead.label}
          </Th>
          <Th>Wallet</Th>
          <Th numeric>GPUs</Th>
          {columns.map((c, i) => (
            <Th key={i} numeric className={c.headClass}>
              {c.head}
            </Th>
          ))}
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.address}>
            <Td numeric className="text-zinc-600 dark:text-zinc-400">
              {formatInt(r.rank)}
            </Td>
            <Th scope="row">
              <AddressLink id={r.address} />
            </Th>
            <Td numeric>{formatInt(r.gpuCount)}</Td>
            {columns.map((c, i) => (
              <Td key={i} numeric className={c.cellClass}>
                {c.cell(r)}
              </Td>
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
