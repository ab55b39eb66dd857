import { AddressLink, Badge, EmptyState } from "@/components/ui";
import { describeEntryKind, describeShape, explainZero } from "@/lib/dashboard/explain";
import { formatAgo } from "@/lib/dashboard/time";
import { formatDateTime, formatMultiplier, formatPoints } from "@/lib/format";
import type { RecentJob } from "@/lib/server/queries/recent-jobs";

/**
 * Each entry with the product that priced it: base × model × NFT × stake = points. Drawn as one
 * element per factor (`.equation` in globals.css: the label under the value and the × or = before
 * it are generated content); the visual form is hidden from assistive tech, which reads `spoken`.
 */
function Equation({ job }: { job: RecentJob }) {
  const unit = job.pointType === "waifu" ? "image base" : "tokens ÷ 1,000";
  const spoken = `${formatPoints(job.basePoints, 6)} base times ${job.modelMultiplier} model multiplier times ${job.nftMultiplier} NFT boost times ${job.stakeMultiplier} stake multiplier${job.zeroReason ? ", but the job earned 0" : ""}: ${formatPoints(job.points, 6)} points`;
  return (
    <>
      <p className="sr-only">{spoken}</p>
      <p className="equation" aria-hidden="true">
        <b data-l={unit}>{formatPoints(job.basePoints, 4)}</b>
        <b data-l={job.pointType === "waifu" ? "category" : "model"}>{formatMultiplier(job.modelMultiplier)}</b>
        <b data-l={`NFT (${job.nftCount} held)`}>{formatMultiplier(job.nftMultiplier)}</b>
        <b data-l={`stake (${formatPoints(job.stakeHeu, 0)} stHEU)`}>{formatMultiplier(job.stakeMultiplier)}</b>
        <b data-l={job.zeroReason ? `0: ${job.zeroReason}` : "points"}>{formatPoints(job.points, 4)}</b>
      </p>
    </>
  );
}

/** Hardware, inference time, schedule and job ID as one line of text (one element, not four). */
function details(job: RecentJob): string[] {
  const parts: string[] = [];
  if (job.hardware) parts.push(job.hardware.replace(/^NVIDIA (GeForce )?/, ""));
  if (job.latencySec !== null) parts.push(`${formatPoints(job.latencySec, 2)} s inference`);
  parts.push(`schedule ${job.scheduleId}`);
  if (job.jobId) parts.push(`job ${job.jobId}`);
  return parts;
}

export function RecentJobs({ jobs, now, showMiner = false }: { jobs: RecentJob[]; now: Date; showMiner?: boolean }) {
  if (jobs.length === 0) return <EmptyState title="No jobs yet">Jobs appear here within seconds of the router reporting them.</EmptyState>;
  return (
    <ol className="lazy-render [--lazy-h:160rem] sm:[--lazy-h:110rem] divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
      {jobs.map((job) => {
        const shape = describeShape(job.shape);
        const why = explainZero(job.zeroReason, { ...job, kind: job.kind });
        return (
          <li key={job.id} className="space-y-2 px-4 py-3">
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <Badge tone={job.pointType}>{job.pointType === "waifu" ? "Waifu" : "Llama"}</Badge>
              {job.kind !== "job" ? <Badge tone="warning">{describeEntryKind(job.kind)}</Badge> : null}
              <span className="font-mono font-medium text-zinc-900 dark:text-zinc-100">{job.modelId ?? "—"}</span>
              {shape ? <span className="text-zinc-600 dark:text-zinc-400">{shape}</span> : null}
              <b className={`ml-auto pl-2 text-base font-semibold tabular-nums ${job.points > 0 ? "text-zinc-900 dark:text-zinc-50" : "text-zinc-500"}`}>
                {job.points > 0 ? "+" : ""}
                {formatPoints(job.points, 4)} <span className="text-xs font-normal text-zinc-600 dark:text-zinc-400">pts</span>
              </b>
            </p>
            <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
              <time dateTime={job.occurredAt} title={formatDateTime(job.occurredAt)}>
                {formatAgo(job.occurredAt, now)}
              </time>
              {showMiner ? <AddressLink id={job.minerId} kind="miner" /> : null}
              <span>{details(job).join(" · ")}</span>
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
