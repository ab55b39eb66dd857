import type { Metadata } from "next";
import { EstimatorForm } from "@/components/estimator/estimator-form";
import { PageHeading } from "@/components/ui";
import { formFromParams, formToQuery } from "@/lib/estimator/params";
import type { EstimatorTokenRate, NetworkThroughput } from "@/lib/estimator/types";
import { scheduleAt } from "@/lib/points";
import { formatDateTime } from "@/lib/format";
import { getGpuThroughput, gpuThroughputIntervalSeconds } from "@/lib/server/queries/gpu-throughput";
import { everyLabel } from "@/lib/snapshots/schedule";
import { getTokenRate } from "@/lib/server/queries/token-rate";
import { log } from "@/lib/log";

export const metadata: Metadata = {
  title: "Points estimator",
  description: "Estimate the Waifu or Llama Points a GPU earns per job, per hour and per day on the Heurist network, with NFT boost and stHEU stake.",
};

// Pricing runs in the browser and needs no database: if the worker's throughput snapshot cannot be
// read or does not exist yet, the page still works on catalog estimates (and says so) instead of failing.
async function loadThroughput(): Promise<NetworkThroughput | null> {
  try {
    return await getGpuThroughput("7d");
  } catch (err) {
    log().error({ component: "estimate page", err }, "network throughput unavailable");
    return null;
  }
}

function noNetwork(): NetworkThroughput {
  const now = new Date().toISOString();
  return { from: now, to: now, asOf: now, availabilitySource: "none", items: [] };
}

/** The HEU a point is worth at the portal's own epochs (the market's rate); null when unknown. */
async function loadTokenRate(): Promise<EstimatorTokenRate | null> {
  try {
    const rate = await getTokenRate();
    return rate && { waifu: rate.waifu, llama: rate.llama, source: rate.source, epoch: rate.epoch, asOf: rate.asOf };
  } catch (err) {
    log().error({ component: "estimate page", err }, "HEU per point unavailable");
    return null;
  }
}

export default async function EstimatePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, network, tokenRate] = await Promise.all([searchParams, loadThroughput(), loadTokenRate()]);
  const currentScheduleId = scheduleAt(new Date()).id;
  const initialForm = formFromParams(params, currentScheduleId);
  return (
    <div>
      <PageHeading
        title="Points estimator"
        description="Pick a GPU, a model and the size of a job to see what it would earn per job, per hour and per day, with your NFTs and stake counted. Per-job points use the same formula that prices real jobs; per-hour and per-day figures come from what GPUs like yours did per hour online on the network over the last 7 days."
      />
      <p data-testid="network-as-of" className="mb-4 text-xs text-zinc-600 dark:text-zinc-400">
        {network
          ? `Network figures as of ${formatDateTime(network.asOf)} (whole hours to ${formatDateTime(network.to)}; the worker recomputes them ${everyLabel(gpuThroughputIntervalSeconds())}).`
          : `The network's per-hour figures have not been computed yet (the worker computes them ${everyLabel(gpuThroughputIntervalSeconds())}, the first time right after it starts): per hour and per day use catalog estimates until then.`}
      </p>
      {/* Keyed by the inputs: following a link to another estimate starts from that link's inputs. */}
      <EstimatorForm key={formToQuery(initialForm)} initialForm={initialForm} currentScheduleId={currentScheduleId} network={network ?? noNetwork()} tokenRate={tokenRate} />
    </div>
  );
}
