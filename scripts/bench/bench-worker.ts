// The worker role (`npm run worker`) beside a benchmark's web servers, as production runs it: it
// rebuilds the snapshots on their schedules, settles ended epochs and indexes nothing without
// contracts. Its task log lines ("task finished", with start and end) tell which background work
// overlapped a measured window.
import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import pg from "pg";
import { startBackground, stopGroup } from "../lib/processes";

export interface TaskRun {
  task: string;
  startedAt: number;
  finishedAt: number;
  ok: boolean;
}

/** Tasks that re-queue themselves at once (schedule every 0 ms): lib/server/worker/tasks/{fold,chain-index}.ts. */
const FOLLOWERS = ["fold", "chain-index"];

export interface BenchWorker {
  proc: ChildProcess;
  runs: TaskRun[];
  /**
   * Resolves once the worker has queued its tasks and none is due or running: its first pass is
   * done. The followers that run continuously in one-minute chunks (the folder, the indexer) are
   * always running and are not waited for.
   */
  idle(url: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `scripts/worker.ts` with `env`. Errors it logs are printed; everything else is read for
 * the task runs only.
 */
export function startBenchWorker(root: string, env: NodeJS.ProcessEnv): BenchWorker {
  const proc = startBackground(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const runs: TaskRun[] = [];
  let started = false;
  createInterface({ input: proc.stdout! }).on("line", (line) => {
    let entry: { msg?: string; level?: string; task?: string; startedAt?: number; finishedAt?: number; ok?: boolean };
    try {
      entry = JSON.parse(line);
    } catch {
      return;
    }
    if (entry.msg === "worker started") started = true;
    if (entry.msg === "task finished" && entry.task) runs.push({ task: entry.task, startedAt: entry.startedAt!, finishedAt: entry.finishedAt!, ok: entry.ok !== false });
    if (entry.level === "error" || entry.level === "fatal") console.error(`[worker] ${line}`);
  });
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));

  return {
    proc,
    runs,
    async idle(url, timeoutMs = 600_000) {
      const deadline = Date.now() + timeoutMs;
      const client = new pg.Client(url);
      await client.connect();
      try {
        for (;;) {
          if (proc.exitCode !== null) throw new Error(`the worker exited with code ${proc.exitCode}`);
          if (started) {
            const { rows } = await client.query<{ busy: number }>(
              "SELECT count(*)::int AS busy FROM graphile_worker.jobs WHERE (run_at <= now() OR locked_at IS NOT NULL) AND task_identifier <> ALL($1::text[])",
              [FOLLOWERS],
            );
            if (rows[0]!.busy === 0) return;
          }
          if (Date.now() > deadline) throw new Error(`the worker's first pass did not end within ${timeoutMs / 1000} s`);
          await new Promise((r) => setTimeout(r, 250));
        }
      } finally {
        await client.end();
      }
    },
    async stop() {
      stopGroup(proc);
      // A running rebuild finishes or stops at its next safe point; a minute at most.
      const timer = setTimeout(() => stopGroup(proc, "SIGKILL"), 60_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Task runs that overlapped [from, to] (epoch ms): "leaderboards ×2 (0.3 s), market-snapshot ×1 (2.1 s)". */
export function describeTaskRuns(runs: readonly TaskRun[], windows: readonly [number, number][]): string {
  const byTask = new Map<string, { n: number; ms: number; failed: number }>();
  for (const r of runs) {
    const overlap = windows.reduce((ms, [from, to]) => ms + Math.max(0, Math.min(to, r.finishedAt) - Math.max(from, r.startedAt)), 0);
    if (overlap <= 0) continue;
    const t = byTask.get(r.task) ?? { n: 0, ms: 0, failed: 0 };
    t.n++;
    t.ms += overlap;
    if (!r.ok) t.failed++;
    byTask.set(r.task, t);
  }
  if (byTask.size === 0) return "none";
  return [...byTask.entries()].map(([task, t]) => `${task} ×${t.n} (${(t.ms / 1000).toFixed(1)} s${t.failed ? `, ${t.failed} failed` : ""})`).join(", ");
}
