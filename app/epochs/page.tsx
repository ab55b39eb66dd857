import type { Metadata } from "next";
import { StaticBarChart } from "@/components/charts/static-bar-chart";
import { Card, EmptyState, PageHeading, Section, Stat, StatGrid, Table, Td, Th, Tr, type SearchParamsRecord } from "@/components/ui";
import { formatInt, formatPoints } from "@/lib/format";
import { walletAddressSchema } from "@/lib/schemas/ids";
import { listEpochs, walletRewardHistory } from "@/lib/server/queries/epochs";
import { WalletRewards } from "@/components/dashboard/wallet-rewards";

export const metadata: Metadata = { title: "Epochs" };
export const dynamic = "force-dynamic";

const heu = (s: string, digits = 0) => Number(s).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const day = (iso: string) => iso.slice(0, 10);

function remaining(endsAt: string, now: Date): string {
  const ms = new Date(endsAt).getTime() - now.getTime();
  const d = Math.floor(ms / 86_400_000);
  const h = Math.floor((ms % 86_400_000) / 3_600_000);
  return `${d} d ${h} h`;
}

export default async function EpochsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const sp = await searchParams;
  const raw = Array.isArray(sp.wallet) ? sp.wallet[0] : sp.wallet;
  const wallet = raw ? walletAddressSchema.safeParse(raw.trim()) : null;
  const now = new Date();
  const [epochs, history] = await Promise.all([listEpochs(now), wallet?.success ? walletRewardHistory(wallet.data, now) : null]);
  const [open, ...settled] = epochs;
  const chronological = [...settled].reverse();

  return (
    <div className="space-y-10">
      <PageHeading
        title="Epochs"
        description="Every week (Friday 00:00 to Friday 00:00 UTC) each pool is shared among the miner IDs pro rata to the points they earned in it. A pool is a base emission plus a part that grows with the points earned. A node's tokens go to its operator, except the node's bribe, which goes to its stakers in proportion to stake × time over the week. Rewards are paid in esHEU, which vests into HEU linearly over a year."
      />

      {open ? (
        <Section
          id="open-epoch"
          title={`Epoch ${open.epoch} (open)`}
          description={`${day(open.startsAt)} to ${day(open.endsAt)}; ends in ${remaining(open.endsAt, now)}. Pools grow with the points earned until then.`}
        >
          <StatGrid>
            <Stat label="Waifu Points so far" value={formatPoints(open.waifuPoints, 0)} tone="waifu" />
            <Stat label="Llama Points so far" value={formatPoints(open.llamaPoints, 0)} tone="llama" />
            <Stat
              label="Waifu pool (provisional)"
              value={`${heu(open.waifuPool)} HEU`}
              hint={open.waifuPoints > 0 ? `${(Number(open.waifuPool) / open.waifuPoints).toFixed(4)} HEU per point so far` : undefined}
            />
            <Stat label="Llama pool (provisional)" value={`${heu(open.llamaPool)} HEU`} hint={`${formatInt(open.minerCount)} miner IDs active`} />
          </StatGrid>
        </Section>
      ) : null}

      <Section id="lookup" title="Your rewards" description="A wallet's esHEU per settled epoch, as the operator of its miner IDs and as a staker, and how much has vested.">
        <form method="get" action="/epochs" className="flex max-w-xl flex-col gap-2 sm:flex-row">
          <label htmlFor="wallet" className="sr-only">
            Wallet address
          </label>
          <input
            id="wallet"
            name="wallet"
            defaultValue={raw ?? ""}
            placeholder="0x… wallet address"
            className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
          <button
            type="submit"
            className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
          >
            Show rewards
          </button>
        </form>
        {wallet && !wallet.success ? (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
            That is not a wallet address: 0x followed by 40 hexadecimal characters.
          </p>
        ) : null}
        {history ? <WalletRewards history={history} /> : null}
      </Section>

      <Section
        id="history"
        title="Settled epochs"
        description="Settled epochs never change: a later correction (a slash, a late report) is counted in the next epoch, shown here as late or adjusted points."
      >
        {settled.length === 0 ? (
          <EmptyState title="No epoch has been settled yet">Epochs settle shortly after they end, on Friday 00:00 UTC.</EmptyState>
        ) : (
          <div className="space-y-4">
            <Card>
              <figure className="m-0">
                <figcaption className="mb-3 text-sm font-semibold">HEU per Waifu Point, by epoch</figcaption>
                <StaticBarChart
                  data={chronological.map((e) => ({ date: day(e.startsAt), value: e.waifuPoints > 0 ? Number(e.waifuPool) / e.waifuPoints : 0 }))}
                  color="waifu"
                  format="points"
                />
              </figure>
            </Card>
            <Table
              caption="Settled epochs, newest first"
              columns={[
                "Epoch",
                "Week from",
                { label: "Waifu pool (HEU)", numeric: true },
                { label: "Waifu Points", numeric: true },
                { label: "HEU / Waifu Point", numeric: true },
                { label: "Llama pool (HEU)", numeric: true },
                { label: "Llama Points", numeric: true },
                { label: "Miner IDs", numeric: true },
                { label: "Late / adjusted points", numeric: true },
              ]}
            >
              {settled.map((e) => (
                <Tr key={e.epoch}>
                  <Th scope="row">{e.epoch}</Th>
                  <Td>{day(e.startsAt)}</Td>
                  <Td numeric>{heu(e.waifuPool)}</Td>
                  <Td numeric>{formatPoints(e.waifuPoints, 0)}</Td>
                  <Td numeric>{e.waifuPoints > 0 ? (Number(e.waifuPool) / e.waifuPoints).toFixed(4) : "–"}</Td>
                  <Td numeric>{heu(e.llamaPool)}</Td>
                  <Td numeric>{formatPoints(e.llamaPoints, 1)}</Td>
                  <Td numeric>{formatInt(e.minerCount)}</Td>
                  <Td numeric>
                    {formatPoints(e.latePoints, 1)} / {formatPoints(e.adjustmentPoints, 1)}
                  </Td>
                </Tr>
              ))}
            </Table>
          </div>
        )}
      </Section>
    </div>
  );
}
