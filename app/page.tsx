import { AutoRefresh } from "@/components/auto-refresh";
import { getNetworkSummary } from "@/lib/server/network-summary";

export const dynamic = "force-dynamic";

const nf = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const pf = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

export default async function OverviewPage() {
  const s = await getNetworkSummary();
  return (
    <div className="space-y-8">
      <AutoRefresh />
      <section aria-labelledby="now">
        <h1 id="now" className="text-2xl font-semibold tracking-tight">
          The network now
        </h1>
        <dl className="mt-4 grid grid-cols-2 gap-3 md:grid-cols-5">
          <Stat label="GPUs active (last hour)" value={nf.format(s.activeGpus)} />
          <Stat label="Wallets mining" value={nf.format(s.wallets)} />
          <Stat label="Jobs, last 24 h" value={nf.format(s.jobs24h)} />
          <Stat label="Waifu Points, 24 h" value={pf.format(s.waifuPoints24h)} />
          <Stat label="Llama Points, 24 h" value={pf.format(s.llamaPoints24h)} />
        </dl>
      </section>
      <section aria-labelledby="models">
        <h2 id="models" className="text-lg font-semibold">
          By model, last 24 h
        </h2>
        {s.byModel.length === 0 ? (
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">No jobs in the last 24 hours yet. Jobs appear here as soon as the router reports them.</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-zinc-600 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="py-2 pr-4">Model</th>
                  <th scope="col" className="py-2 pr-4 text-right">Jobs</th>
                  <th scope="col" className="py-2 pr-4 text-right">Waifu Points</th>
                  <th scope="col" className="py-2 text-right">Llama Points</th>
                </tr>
              </thead>
              <tbody>
                {s.byModel.map((m) => (
                  <tr key={m.modelId} className="border-t border-zinc-100 dark:border-zinc-900">
                    <td className="py-2 pr-4 font-mono">{m.modelId}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{nf.format(m.jobs)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{pf.format(m.waifuPoints)}</td>
                    <td className="py-2 text-right tabular-nums">{pf.format(m.llamaPoints)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p className="text-xs text-zinc-500">As of {new Date(s.asOf).toUTCString()}; refreshes every 10 s.</p>
    </div>
  );
}
