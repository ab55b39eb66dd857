// Where the time of a benchmark run goes on this machine: CPU seconds per process group (read from
// /proc: a process, its live children, and the children it has reaped), the machine's busy share,
// and what PostgreSQL's active backends wait on (sampled from pg_stat_activity). Linux only; used
// to explain a configuration that is slower than another on a 2-core machine.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";

const TICKS_PER_SECOND = 100; // CLK_TCK on Linux x86-64

/** utime, stime, cutime, cstime and ppid of a process (zeros once it is gone). */
function procStat(pid: number): { ticks: number; ppid: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): state is field 3, ppid 4, utime 14 … cstime 17.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ticks: [11, 12, 13, 14].reduce((sum, i) => sum + Number(f[i]), 0), ppid: Number(f[1]) };
  } catch {
    return { ticks: 0, ppid: 0 };
  }
}

/** Every process's children, from one `ps` call. */
function processTree(): Map<number, number[]> {
  const tree = new Map<number, number[]>();
  for (const line of execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" }).split("\n")) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!pid || ppid === undefined) continue;
    tree.set(ppid, [...(tree.get(ppid) ?? []), pid]);
  }
  return tree;
}

/** CPU seconds used so far by a process and all its descendants, live or reaped. */
export function groupCpuSeconds(pid: number, tree = processTree()): number {
  const ticks = (p: number): number => procStat(p).ticks + (tree.get(p) ?? []).reduce((sum, c) => sum + ticks(c), 0);
  return ticks(pid) / TICKS_PER_SECOND;
}

/** The postmaster's pid, from a backend's parent. */
export async function postmasterPid(url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    return procStat(rows[0]!.pid).ppid;
  } finally {
    await client.end();
  }
}

/** Busy and total CPU seconds of the whole machine so far (all cores), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const n = fields.map(Number); // user nice system idle iowait irq softirq steal …
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - n[3]! - n[4]!) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

/**
 * CPU seconds of named process groups (name → the pids at their roots), of this process ("bench
 * client") and of the whole machine, added up over measured windows.
 */
export class CpuMeter {
  readonly seconds: Record<string, number> = {};
  machineBusy = 0;
  machineTotal = 0;

  /** Starts a window; call what it returns to end it. */
  begin(groups: Record<string, readonly number[]>): () => void {
    const read = () => {
      const tree = processTree();
      const own = process.cpuUsage();
      const g: Record<string, number> = { "bench client": (own.user + own.system) / 1e6 };
      for (const [name, pids] of Object.entries(groups)) g[name] = pids.reduce((s, pid) => s + groupCpuSeconds(pid, tree), 0);
      return { g, m: machineCpuSeconds() };
    };
    const a = read();
    return () => {
      const b = read();
      for (const k of Object.keys(a.g)) this.seconds[k] = (this.seconds[k] ?? 0) + b.g[k]! - a.g[k]!;
      this.machineBusy += b.m.busy - a.m.busy;
      this.machineTotal += b.m.total - a.m.total;
    };
  }
}

export const loadAverages = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");

export interface Waits {
  samples: number;
  /** Active backends seen per wait event ("on CPU": none). */
  waits: Map<string, number>;
  /** Backends waiting on a heavyweight lock, per table their statement writes. */
  lockedIn: Map<string, number>;
}

const add = (into: Map<string, number>, key: string, n: number) => into.set(key, (into.get(key) ?? 0) + n);

export function mergeWaits(into: Waits, from: Waits): void {
  into.samples += from.samples;
  for (const [k, n] of from.waits) add(into.waits, k, n);
  for (const [k, n] of from.lockedIn) add(into.lockedIn, k, n);
}

/** Runs `sample` on its own connection every `everyMs` until `stop()`, which returns `result`. */
function sampleEvery<T>(url: string, everyMs: number, result: T, sample: (client: pg.Client) => Promise<void>): { stop(): Promise<T> } {
  let stopped = false;
  const client = new pg.Client(url);
  const loop = (async () => {
    await client.connect();
    while (!stopped) {
      await sample(client);
      await new Promise((r) => setTimeout(r, everyMs));
    }
    await client.end();
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return result;
    },
  };
}

/**
 * Samples every active client backend every `everyMs`: its wait event (none: on CPU or waiting for
 * one) and, when it waits on a lock, the table its statement writes. `stop()` returns the tallies.
 */
export function sampleWaits(url: string, everyMs = 200): { stop(): Promise<Waits> } {
  const result: Waits = { samples: 0, waits: new Map(), lockedIn: new Map() };
  return sampleEvery(url, everyMs, result, async (client) => {
    const { rows } = await client.query<{ w: string; target: string | null; n: number }>(
      `SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS w,
              CASE WHEN wait_event_type = 'Lock' THEN coalesce(substring(query FROM ${pg.escapeLiteral(String.raw`(?i)(?:insert\s+into|update|delete\s+from)\s+"?(\w+)`)}), 'another statement') END AS target,
              count(*)::int AS n
         FROM pg_stat_activity
        WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid() GROUP BY 1, 2`,
    );
    result.samples++;
    for (const r of rows) {
      add(result.waits, r.w, r.n);
      if (r.target) add(result.lockedIn, r.target, r.n);
    }
  });
}

const shares = (m: Map<string, number>, top: number) => {
  const all = [...m.values()].reduce((a, b) => a + b, 0);
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, n]) => `${k} ${Math.round((100 * n) / all)} %`)
    .join(", ");
};

/** "6.1 active on average: Lock:transactionid 81 %, on CPU 16 %, …; lock waits in: wallet_hourly 50 %, …". */
export function describeWaits({ samples, waits, lockedIn }: Waits, top = 5): string {
  const all = [...waits.values()].reduce((a, b) => a + b, 0);
  if (all === 0) return "no active backend sampled";
  return `${(all / samples).toFixed(1)} active on average: ${shares(waits, top)}${lockedIn.size ? `; the lock waits were in statements writing ${shares(lockedIn, top)}` : ""}`;
}

/**
 * The fold lag (decision 0024) every `everyMs`: seconds since the oldest rollup delta still
 * waiting was written (0 when none waits). `stop()` returns the samples.
 */
export function sampleFoldLag(url: string, everyMs = 500): { stop(): Promise<number[]> } {
  const samples: number[] = [];
  return sampleEvery(url, everyMs, samples, async (client) => {
    samples.push(await foldLagSeconds(client));
  });
}

async function foldLagSeconds(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ lag: number }>(
    "SELECT coalesce(extract(epoch FROM clock_timestamp() - (SELECT created_at FROM ingest_deltas ORDER BY id LIMIT 1)), 0)::float8 AS lag",
  );
  return rows[0]!.lag;
}

/** Seconds until nothing waits to be folded (the worker catching up after a run); null past `timeoutMs`. */
export async function secondsToFold(url: string, timeoutMs = 120_000): Promise<number | null> {
  const client = new pg.Client(url);
  await client.connect();
  const t0 = performance.now();
  try {
    while ((await foldLagSeconds(client)) > 0) {
      if (performance.now() - t0 > timeoutMs) return null;
      await new Promise((r) => setTimeout(r, 100));
    }
    return (performance.now() - t0) / 1000;
  } finally {
    await client.end();
  }
}
