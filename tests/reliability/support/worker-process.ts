// One `npm run worker` process for reliability tests: started with the test's environment, its JSON
// log lines kept (task runs, settlements, reaps) and its output tail for failures, and ended by
// SIGKILL (no shutdown hooks: its locked job stays locked) or SIGTERM (the graceful stop).
import type { ChildProcess } from "node:child_process";
import { startBackground, stopGroup } from "../../../scripts/lib/processes";

export type LogLine = Record<string, unknown> & { msg?: string };
export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export class WorkerProcess {
  readonly lines: LogLine[] = [];
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcess;
  private raw = "";

  constructor(
    root: string,
    env: Record<string, string>,
    readonly name: string,
  ) {
    this.child = startBackground(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    let partial = "";
    this.child.stdout!.on("data", (chunk: Buffer) => {
      this.raw += chunk.toString();
      const complete = (partial + chunk.toString()).split("\n");
      partial = complete.pop()!;
      for (const line of complete) {
        try {
          this.lines.push(JSON.parse(line) as LogLine);
        } catch {
          // not a log line
        }
      }
    });
    this.child.stderr!.on("data", (chunk: Buffer) => (this.raw += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** graphile-worker's worker ids of this process (what it locks jobs as), from its "worker started" line. */
  get workerIds(): string[] {
    return (this.lines.find((l) => l.msg === "worker started")?.workerIds as string[] | undefined) ?? [];
  }

  /** Log lines with this message (e.g. "task finished", "epoch settled"). */
  said(msg: string): LogLine[] {
    return this.lines.filter((l) => l.msg === msg);
  }

  /** SIGSTOP to the process group: it keeps what it holds and does nothing more until SIGCONT (thaw) or SIGKILL. */
  freeze(): void {
    if (this.running) stopGroup(this.child, "SIGSTOP");
  }

  thaw(): void {
    if (this.running) stopGroup(this.child, "SIGCONT");
  }

  /** SIGKILL to the process group: the job it holds stays locked in its name. */
  async kill(): Promise<Exit> {
    if (this.running) stopGroup(this.child, "SIGKILL");
    return this.exited;
  }

  /** SIGTERM to the worker process alone, as an orchestrator's stop would. */
  terminate(): Promise<Exit> {
    if (this.running) this.child.kill("SIGTERM");
    return this.exited;
  }

  output(chars = 4000): string {
    return `--- worker ${this.name} ---\n${this.raw.slice(-chars)}`;
  }
}
