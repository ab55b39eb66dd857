import { AddressLink, Badge, Table, Td, Th, Tr } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import { formatBps } from "@/lib/market/amount";
import type { BribeState } from "@/lib/market/bribes";
import { stakedBribeRows } from "@/lib/market/staked-bribes";

const ROWS = 20;

/** The bribe changes of the nodes a wallet stakes on, each with the epoch it takes effect in. */
export function StakedNodeBribes({ states }: { states: Map<string, BribeState> }) {
  const rows = stakedBribeRows(states);
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">None of these nodes has set a bribe: their stakers get no share of their rewards.</p>;
  return (
    <>
      <Table
        caption="Bribe changes of the nodes this wallet stakes on, pending cuts first"
        label="Bribe changes of staked nodes"
        columns={["Node", { label: "Bribe", numeric: true }, "Takes effect", "Status"]}
      >
        {rows.slice(0, ROWS).map((r) => (
          <Tr key={`${r.minerId}-${r.effectiveAt}-${r.bps}-${r.status}`}>
            <Th scope="row">
              <AddressLink id={r.minerId} kind="miner" />
            </Th>
            <Td numeric className="whitespace-nowrap">
              {r.fromBps !== null ? `${formatBps(r.fromBps)} → ` : ""}
              {formatBps(r.bps)}
            </Td>
            <Td className="whitespace-nowrap">
              epoch {r.effectiveEpoch}
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">{formatDateTime(new Date(r.effectiveAt).toISOString())}</span>
            </Td>
            <Td>
              {r.status === "pending" ? (
                <Badge tone={r.cut ? "warning" : "info"}>{r.cut ? "Pending cut" : "Pending"}</Badge>
              ) : r.status === "in_force" ? (
                <Badge tone="success">In force</Badge>
              ) : (
                <Badge tone="neutral">Superseded</Badge>
              )}
            </Td>
          </Tr>
        ))}
      </Table>
      {rows.length > ROWS ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{rows.length - ROWS} older changes are on each node&apos;s page.</p> : null}
    </>
  );
}
