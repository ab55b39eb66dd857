import { AddressLink, Badge, EmptyState } from "@/components/ui";
import { describeEntryKind, describeShape, explainZero } from "@/lib/dashboard/explain";
import { formatAgo } from "@/lib/dashboard/time";
import { formatDateTime, formatMultiplier, formatPoints } from "@/lib/format";
import type { RecentJob } from "@/lib/server/queries/recent-jobs";

// Styles of the factors set once on the equation, not on each of 20 × 5 factors.
const EQUATION =
  "flex flex-wrap items-start gap-x-2 gap-y-1 text-sm [&>b]:inline-flex [&>b]:flex-col [&>b]:items-center [&>b]:font-normal [&>b]:leading-tight [&_i]:font-mono [&_i]:not-italic [&_i]:tabular-nums [&_i]:text-zinc-900 dark:[&_i]:text-zinc-100 [&_small]:text-[11px] [&_small]:text-zinc-600 dark:[&_small]:text-zinc-400 [&>span]:text-zinc-500";

function Factor({ value, label }: { value: string; label: string }) {
  return (
    <b>
      <i>{value}</i>
      <small>{label}</small>
    </b>
  );
}

const Times = () => <span aria-hidden="true">×</span>;

/** Each entry with the product that priced it: base × model × NFT × stake = points. */
function Equation({ job }: { job: RecentJob }) {
  const unit = job.pointType === "waifu" ? "image base" : "tokens ÷ 1,000";
  const spoken = `${formatPoints(job.basePoints, 6)} base times ${job.modelMultiplier} model multiplier times ${job.nftMultiplier} NFT boost times ${job.stakeMultiplier} stake multiplier${job.zeroReason ? ", but the job earned 0" : ""}: ${formatPoints(job.points, 6)} points`;
  return (
    <>
    <p className="sr-only">{spoken}</p>
    <p className={EQUATION} aria-hidden="true">
      <Factor value={formatPoints(job.basePoints, 4)} label={unit} />
      <Times />
      <Factor value={formatMultiplier(job.modelMultiplier)} label={job.pointType === "waifu" ? "category" : "model"} />
      <Times />
      <Factor value={formatMultiplier(job.nftMultiplier)} label={`NFT (${job.nftCount} held)`} />
      <Times />
      <Factor value={formatMultiplier(job.stakeMultiplier)} label={`stake (${formatPoints(job.stakeHeu, 0)} stHEU)`} />
      <span aria-hidden="true">=</span>
      <Factor value={formatPoints(job.points, 4)} label={job.zeroReason ? `0: ${job.zeroReason}` : "points"} />
    </p>
    </>
  );
}

export function RecentJobs({ jobs, now, showMiner = false }: { jobs: RecentJob[]; now: Date; showMiner?: boolean }) {
  if (jobs.length === 0) return <EmptyState title="No jobs yet">Jobs appear here within seconds of the router reporting them.</EmptyState>;
  return (
    <ol className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
      {jobs.map((job) => {
        const shape = describeShape(job.shape);
        const why = explainZero(job.zeroReason, { ...job, kind: job.kind });
        return (
          <li key={job.id} className="space-y-2 px-4 py-3">
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={job.pointType}>{job.pointType === "waifu" ? "Waifu" : "Llama"}</Badge>
                {job.kind !== "job" ? <Badge tone="warning">{describeEntryKind(job.kind)}</Badge> : null}
                <span className="font-mono font-medium text-zinc-900 dark:text-zinc-100">{job.modelId ?? "—"}</span>
                {shape ? <span className="text-zinc-600 dark:text-zinc-400">{shape}</span> : null}
              </p>
              <p className={`text-base font-semibold tabular-nums ${job.points > 0 ? "text-zinc-900 dark:text-zinc-50" : "text-zinc-500"}`}>
                {job.points > 0 ? "+" : ""}
                {formatPoints(job.points, 4)} <span className="text-xs font-normal text-zinc-600 dark:text-zinc-400">pts</span>
              </p>
            </div>
            <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
              <time dateTime={job.occurredAt} title={formatDateTime(job.occurredAt)}>
                {formatAgo(job.occurredAt, now)}
              </time>
              {showMiner ? <AddressLink id={job.minerId} kind="miner" /> : null}
              {job.hardware ? <span>{job.hardware.replace(/^NVIDIA (GeForce )?/, "")}</span> : null}
              {job.latencySec !== null ? <span>{formatPoints(job.latencySec, 2)} s inference</span> : null}
              <span>
                schedule <span className="font-mono">{job.scheduleId}</span>
              </span>
              {job.jobId ? <span className="font-mono">job {job.jobId}</span> : null}
            </p>
            <Equation job={job} />
            {why ? <p className="rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">{why}</p> : null}
            {job.note ? <p className="text-xs text-zinc-600 dark:text-zinc-400">Note: {job.note}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
