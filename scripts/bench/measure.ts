// Small measuring tools shared by the benchmarks.
import { execFileSync } from "node:child_process";
import cliProgress from "cli-progress";

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Sequential GETs, each body read to the end; the milliseconds of each. Anything but a 200 stops the run. */
export async function timeGets(urls: readonly string[]): Promise<number[]> {
  const out: number[] = [];
  for (const url of urls) {
    const t = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    out.push(performance.now() - t);
  }
  return out;
}

/** `fn` run `times` times in a row; the milliseconds of each. */
export async function timeRuns(times: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Resident memory of a process and its children (Next may fork workers), in MB. */
export function groupRssMb(pid: number): number {
  try {
    const out = execFileSync("ps", ["-o", "rss=", "--ppid", String(pid), "-p", String(pid)], { encoding: "utf8" });
    return (
      out
        .split("\n")
        .filter(Boolean)
        .reduce((kb, line) => kb + Number(line.trim()), 0) / 1024
    );
  } catch {
    return 0;
  }
}

export class Progress {
  private bar: cliProgress.SingleBar;
  private started = performance.now();
  private value = 0;

  constructor(label: string, total: number) {
    this.bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% {value}/{total} {rate} jobs/s`, hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, 0, { rate: 0 });
  }

  tick(n: number): void {
    this.value += n;
    const rate = Math.round(this.value / ((performance.now() - this.started) / 1000));
    this.bar.update(this.value, { rate });
  }

  done(): void {
    this.bar.stop();
  }
}
