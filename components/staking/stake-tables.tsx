import type { ReactNode } from "react";
import { ActionsTh, AddressLink, Table, TBody, Td, THead, Th, Tr } from "@/components/ui";
import { formatDateTime, formatInt } from "@/lib/format";
import { formatTokenAmount } from "@/lib/market/amount";
import type { StakerResponse } from "@/lib/schemas/staking";

// A wallet's stakes and HEU locks as tables: the wallet page shows anyone's (server), the market
// shows the connected wallet's with its actions (client). No hooks here, so both can render them.

type Position = StakerResponse["positions"][number];
type Lock = StakerResponse["locks"][number];

const wei = (v: string) => formatTokenAmount(BigInt(v));

/** Stake per node and token; `actions` adds a last column of per-row actions. */
export function StakePositionsTable(props: { positions: Position[]; caption: string; label: string; amountHeading: string; actions?: (p: Position) => ReactNode }) {
  const { positions, actions } = props;
  return (
    <Table caption={props.caption} captionHidden label={props.label}>
      <THead>
        <tr>
          <Th>Node</Th>
          <Th>Token</Th>
          <Th numeric>{props.amountHeading}</Th>
          <Th numeric>Node total</Th>
          {actions ? <ActionsTh /> : null}
        </tr>
      </THead>
      <TBody>
        {positions.map((p) => (
          <Tr key={`${p.minerId}-${p.token}`}>
            <Th scope="row">
              <AddressLink id={p.minerId} kind="miner" />
            </Th>
            <Td>{p.token}</Td>
            <Td numeric>{wei(p.amountWei)}</Td>
            <Td numeric>{formatInt(p.nodeStake)}</Td>
            {actions ? <Td>{actions(p)}</Td> : null}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/**
 * Unstaked HEU locks. `nodeColumn`: the node a lock came from gets its own column (else it is
 * written under the lock's number); `countdown` is shown under the unlock time unless null.
 */
export function StakeLocksTable(props: {
  locks: Lock[];
  caption: string;
  label: string;
  nodeColumn: boolean;
  countdown: (l: Lock) => ReactNode | null;
  status: (l: Lock) => ReactNode;
}) {
  const { locks, nodeColumn, countdown, status } = props;
  return (
    <Table caption={props.caption} captionHidden label={props.label}>
      <THead>
        <tr>
          <Th>Lock</Th>
          {nodeColumn ? <Th>From node</Th> : null}
          <Th numeric>HEU</Th>
          <Th>Unlocks</Th>
          <Th>Status</Th>
        </tr>
      </THead>
      <TBody>
        {locks.map((l) => {
          const until = countdown(l);
          return (
            <Tr key={l.lockId}>
              <Th scope="row" className="tabular-nums">
                #{l.lockId}
                {nodeColumn ? null : (
                  <span className="block text-xs font-normal">
                    from <AddressLink id={l.minerId} kind="miner" />
                  </span>
                )}
              </Th>
              {nodeColumn ? (
                <Td>
                  <AddressLink id={l.minerId} kind="miner" />
                </Td>
              ) : null}
              <Td numeric>{wei(l.amountWei)}</Td>
              <Td className="whitespace-nowrap">
                {formatDateTime(l.unlockAt)}
                {until === null ? null : <span className="block text-xs text-zinc-600 dark:text-zinc-400">{until}</span>}
              </Td>
              <Td>{status(l)}</Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
