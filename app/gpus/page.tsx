import type { Metadata } from "next";
import { Suspense } from "react";
import { Card, PageHeading, Section, SkeletonTable, TabLinks, hrefWith, type SearchParamsRecord } from "@/components/ui";
import { GpuModelsSection } from "./gpu-models-section";
import { LeaderboardSection } from "./leaderboard-section";
import { parseGpusParams } from "./params";

export const metadata: Metadata = { title: "Top GPUs" };
export const dynamic = "force-dynamic";

export default async function GpusPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const sp = await searchParams;
  const p = parseGpusParams(sp);
  const link = (params: Record<string, string | number | null>) => hrefWith("/gpus", sp, params);

  return (
    <div className="space-y-12">
      <PageHeading
        title="Top GPUs"
        description="Which GPU models earn the most per device, and which wallets lead the network. Points per device per day online divides what a model's devices earned in the window by the hours they were online, × 24: the figure the estimator uses."
      />

      <Section
        id="gpu-models"
        title="GPU models"
        description="Ranked by points per device per day online."
        actions={
          <TabLinks
            label="GPU models window"
            items={[
              { href: link({ window: null }), label: "24 hours", active: p.window === "24h" },
              { href: link({ window: "7d" }), label: "7 days", active: p.window === "7d" },
            ]}
          />
        }
      >
        <Suspense key={p.window} fallback={<SkeletonTable rows={10} />}>
          <GpuModelsSection window={p.window} />
        </Suspense>
      </Section>

      <Section
        id="miners"
        title="Miner leaderboard"
        description="Wallets ranked by points; each row opens the wallet's dashboard."
        actions={
          <>
            <TabLinks
              label="Point type"
              items={[
                { href: link({ type: null, page: null }), label: "Waifu", active: p.type === "waifu" },
                { href: link({ type: "llama", page: null }), label: "Llama", active: p.type === "llama" },
              ]}
            />
            <TabLinks
              label="Leaderboard window"
              items={[
                { href: link({ lb: null, page: null }), label: "24 h", active: p.lb === "24h" },
                { href: link({ lb: "7d", page: null }), label: "7 days", active: p.lb === "7d" },
                { href: link({ lb: "all", page: null }), label: "All time", active: p.lb === "all" },
              ]}
            />
          </>
        }
      >
        <Card>
          <Suspense key={`${p.type}-${p.lb}-${p.page}`} fallback={<SkeletonTable rows={12} />}>
            <LeaderboardSection type={p.type} window={p.lb} page={p.page} searchParams={sp} />
          </Suspense>
        </Card>
      </Section>
    </div>
  );
}
