import "server-only";
import type { AddJobFunction, TaskSpec } from "graphile-worker";
import type { WorkerTask } from "./task";

// A jobKey alone does not stop two copies of a job from running (decision 0017): the queue does,
// since graphile-worker runs a queue's jobs one at a time across every worker.
// Attempts count fetches here, not failures (a run never fails in graphile-worker's eyes, see
// runner.ts): a fetch whose answer a lost connection swallowed still counts, and a job at its
// maximum is never fetched again, so the maximum is far above what outages can use up.
const spec = (name: string, runAt: Date, jobKeyMode: TaskSpec["jobKeyMode"]): TaskSpec => ({ jobKey: name, jobKeyMode, queueName: name, runAt, maxAttempts: 1000 });

/** At start: queue the task unless a job for it exists already (queued, or running on another worker). */
export function ensureQueued(addJob: AddJobFunction, name: string, runAt: Date): Promise<unknown> {
  return addJob(name, {}, spec(name, runAt, "unsafe_dedupe"));
}

/** From inside a run: queue the next run (a new job, since the running one is locked; its queue keeps the two apart). */
export function queueNext(addJob: AddJobFunction, name: string, runAt: Date): Promise<unknown> {
  return addJob(name, {}, spec(name, runAt, "replace"));
}

/** graphile-worker crontab lines for the cron tasks: the same job key and queue, at most 3 late runs caught up. */
export function crontabFor(tasks: readonly WorkerTask[]): string {
  return tasks.flatMap((t) => ("cron" in t.schedule ? [`${t.schedule.cron.pattern} ${t.name} ?jobKey=${t.name}&jobKeyMode=preserve_run_at&queue=${t.name}&max=3`] : [])).join("\n");
}
