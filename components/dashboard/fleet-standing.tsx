import Link from "next/link";
import { Suspense } from "react";
import { Card, Section, Skeleton } from "@/components/ui";
import { shortGpuName } from "@/lib/dashboard/fleet";
import { formatDateTime } from "@/lib/format";
import { minerStanding } from "@/lib/server/queries/fleet-standing";

interface Props {
  minerId: string;
  wallet: string;
  hardware: string | null;
  nftCount: number;
  now: Date;
}

/** The miner page's "Against the wallet's other GPUs": streams in, so the page only places it. */
export function FleetStandingSection(p: Props) {
  return (
    <Section
      id="standing"
      title={`Against this wallet's other ${shortGpuName(p.hardware)} GPUs`}
      description="Points per job over the last 24 hours (zero-earning jobs included) against the median of the wallet's GPUs of the same model, and what made the difference."
    >
      <Suspense fallback={<Skeleton className="h-20 rounded-xl" />}>
        <Standing {...p} />
      </Suspense>
    </Section>
  );
}

async function Standing({ minerId, wallet, nftCount, now }: Props) {
  const standing = await minerStanding(minerId, wallet, nftCount, now);
  if (!standing) return null;
  const below = standing.row.vsMedian.ratio !== null && standing.row.vsMedian.ratio < 1;
  return (
    <Card>
      <p className="text-base text-zinc-900 dark:text-zinc-100" data-testid="fleet-standing">
        {standing.sentence}
      </p>
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        From {formatDateTime(standing.from)} to {formatDateTime(standing.asOf)} (the last 24 hourly buckets, this one so far).{" "}
        <Link
          href={`/wallets/${wallet}?sort=vsMedian&order=${below ? "asc" : "desc"}&q=${encodeURIComponent(shortGpuName(standing.row.hardware))}`}
          className="text-indigo-700 underline dark:text-indigo-300"
        >
          Compare in the wallet&apos;s GPU table
        </Link>
      </p>
    </Card>
  );
}
