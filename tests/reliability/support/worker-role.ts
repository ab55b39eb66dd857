// The worker role of the scale-out tests: `npm run worker` processes on one database and one anvil
// chain, run as an operator would run them, graphile-worker's locks as another client sees them, and
// a wait for a condition that says what it waited for.
import pg from "pg";
import { WorkerProcess } from "./worker-process";

export class WorkerRole {
  readonly workers: WorkerProcess[] = [];

  /** `env`: the database and chain every worker of the role shares. */
  constructor(
    private readonly root: string,
    private readonly pool: pg.Pool,
    private readonly env: Record<string, string>,
  ) {}

  /** Every task on, settlement due at once (ended epochs, no grace), short indexer chunks so the job changes hands often. */
  start(name: string, env: Record<string, string> = {}): WorkerProcess {
    const w = new WorkerProcess(
      this.root,
      { CHAIN_POLL_MS: "100", INDEXER_CHUNK_SECONDS: "3", EPOCH_SETTLE_GRACE_HOURS: "0", EPOCH_SETTLE_START_DELAY_S: "0", ...this.env, ...env },
      name,
    );
    this.workers.push(w);
    return w;
  }

  async lockedJobs(): Promise<{ task: string; locked_by: string }[]> {
    return (await this.pool.query<{ task: string; locked_by: string }>("SELECT task_identifier AS task, locked_by FROM graphile_worker.jobs WHERE locked_at IS NOT NULL")).rows;
  }

  async killAll(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.kill()));
  }
}

/** Polls `probe` every 50 ms until it returns a value; after `timeoutMs` fails with `what` and the diagnostics. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, diagnostics = () => ""): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s\n${diagnostics()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
