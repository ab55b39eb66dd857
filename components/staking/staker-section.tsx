import Link from "next/link";
import { Suspense } from "react";
import { AddressLink, Badge, Card, SectionHeading, Table, TBody, Td, THead, Th, Tr } from "@/components/ui";
import { formatDateTime, formatInt } from "@/lib/format";
import { formatTokenAmount } from "@/lib/market/amount";
import { bribeStates } from "@/lib/server/queries/bribes";
import { getStaker } from "@/lib/server/queries/staker";
import { TickingCountdown } from "./countdown";
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
    <section aria-labelledby="stakes">
      <SectionHeading
        id="stakes"
        title="Stakes of this wallet"
        description={
          <>
            {wei(s.totals.staked.amountWei)} stHEU staked ({wei(s.totals.stakedHeu.amountWei)} HEU + {wei(s.totals.stakedEsHeu.amountWei)} esHEU),{" "}
            {wei(s.totals.locked.amountWei)} HEU locked, {wei(s.totals.withdrawable.amountWei)} HEU ready to withdraw.{" "}
            <Link href="/market#my-stakes" className="underline">
              Manage in the staking market
            </Link>
          </>
        }
      />
      <Card className="space-y-5">
        {s.positions.length > 0 ? (
          <Table caption="Stake per node and token" captionHidden label="Stakes of this wallet">
            <THead>
              <tr>
                <Th>Node</Th>
                <Th>Token</Th>
                <Th numeric>Staked</Th>
                <Th numeric>Node total</Th>
              </tr>
            </THead>
            <TBody>
              {s.positions.map((p) => (
                <Tr key={`${p.minerId}-${p.token}`}>
                  <Th scope="row">
                    <AddressLink id={p.minerId} kind="miner" />
                  </Th>
                  <Td>{p.token}</Td>
                  <Td numeric>{wei(p.amountWei)}</Td>
                  <Td numeric>{formatInt(p.nodeStake)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        ) : null}
        {s.locks.length > 0 ? (
          <Table caption="Unstaked HEU, locked for 30 days" captionHidden label="HEU locks of this wallet">
            <THead>
              <tr>
                <Th>Lock</Th>
                <Th numeric>HEU</Th>
                <Th>Unlocks</Th>
                <Th>Status</Th>
              </tr>
            </THead>
            <TBody>
              {s.locks.map((l) => (
                <Tr key={l.lockId}>
                  <Th scope="row" className="tabular-nums">
                    #{l.lockId}
                    <span className="block text-xs font-normal">
                      from <AddressLink id={l.minerId} kind="miner" />
                    </span>
                  </Th>
                  <Td numeric>{wei(l.amountWei)}</Td>
                  <Td className="whitespace-nowrap">
                    {formatDateTime(l.unlockAt)}
                    {l.status === "locked" ? (
                      <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                        <TickingCountdown to={l.unlockAt} offsetMs={chainAheadMs} done="open now" />
                      </span>
                    ) : null}
                  </Td>
                  <Td>
                    <Badge tone={l.status === "locked" ? "warning" : l.status === "unlocked" ? "success" : "neutral"}>
                      {l.status === "locked" ? "Locked" : l.status === "unlocked" ? "Ready to withdraw" : "Withdrawn"}
                    </Badge>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        ) : null}
        {s.positions.length > 0 ? (
          <div className="space-y-2">
            <h3 className="text-base font-semibold">Bribe changes of these nodes</h3>
            <StakedNodeBribes states={bribes} />
          </div>
        ) : null}
      </Card>
    </section>
  );
}
