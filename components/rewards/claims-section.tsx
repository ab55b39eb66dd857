import { Suspense } from "react";
import { Badge, Card, Section, Table, Td, Th, Tr } from "@/components/ui";
import type { BadgeTone } from "@/components/ui/badge";
import { LazyClaimPanel } from "@/components/staking/lazy";
import { portalChainConfigOf } from "@/lib/chain/config";
import { formatTokenAmount } from "@/lib/market/amount";
import type { WalletClaim } from "@/lib/schemas/claims";
import { getChainStatus } from "@/lib/server/queries/chain-status";
import { getWalletClaims } from "@/lib/server/queries/claims";

const STATUS: Record<WalletClaim["status"], { label: string; tone: BadgeTone }> = {
  unpublished: { label: "not published yet", tone: "neutral" },
  claimable: { label: "claimable", tone: "warning" },
  claimed: { label: "claimed", tone: "success" },
  mismatch: { label: "root differs on chain", tone: "danger" },
};

async function Claims({ address, nodes }: { address: string; nodes: string[] }) {
  const [claims, chain] = await Promise.all([getWalletClaims(address), getChainStatus()]);
  if (claims.claims.length === 0) return null;
  return (
    <Section
      id="claims"
      title="esHEU on chain"
      description={`Each settled epoch's esHEU is paid by the reward distributor: claim it to this wallet or stake it straight into one of its nodes. It vests into HEU over a year from the epoch's end. Statuses as of block ${claims.indexedBlock ?? "—"}.`}
    >
      <Card className="space-y-4">
        <Table caption="esHEU per epoch on chain" captionHidden label="esHEU claims" columns={["Epoch", { label: "esHEU", numeric: true }, "Vests (UTC)", "Status"]}>
          {claims.claims.map((c) => (
            <Tr key={c.epoch}>
              <Th scope="row">{c.epoch}</Th>
              <Td numeric>{formatTokenAmount(BigInt(c.amountWei))}</Td>
              <Td>
                {c.vestStart.slice(0, 10)} → {c.vestEnd.slice(0, 10)}
              </Td>
              <Td>
                <Badge tone={STATUS[c.status].tone}>{STATUS[c.status].label}</Badge>
                {c.claimedTx ? (
                  <span className="ml-2 font-mono text-xs" title={c.claimedTx}>
                    {c.stakedInto ? `staked into ${c.stakedInto} · ` : ""}
                    {c.claimedTx.slice(0, 10)}…
                  </span>
                ) : null}
              </Td>
            </Tr>
          ))}
        </Table>
        {chain.contracts ? <LazyClaimPanel chain={portalChainConfigOf(chain)} wallet={address} nodes={nodes} /> : null}
      </Card>
    </Section>
  );
}

/** A wallet's epochs on chain (claimable, claimed) with the claim panel; nothing before its first settled epoch. Streams in. */
export function ClaimsSection({ address, nodes }: { address: string; nodes: string[] }) {
  return (
    <Suspense fallback={null}>
      <Claims address={address} nodes={nodes} />
    </Suspense>
  );
}
