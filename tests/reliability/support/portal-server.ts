// The production portal (`next start` on the tests' shared build) as a child process that a test
// can SIGKILL and restart on the same port, with its output kept in a log file for failures.
import type { ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { webServerArgs } from "../../../scripts/lib/next-build";
import { startBackground, stopGroup, waitForHttp } from "../../../scripts/lib/processes";
import { freePort } from "../../../scripts/lib/throwaway-postgres";
import { TEST_BUILD_DIR } from "../../support/production-build";

export class PortalServer {
  readonly logFile = path.join(mkdtempSync(path.join(os.tmpdir(), "heurist-reliability-")), "server.log");
  private child: ChildProcess | undefined;
  private port = 0;
  starts = 0;
  kills = 0;

  constructor(
    private readonly root: string,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts (or restarts, on the same port) and waits until /api/v1/health answers. */
  async start(): Promise<void> {
    if (this.running) return;
    this.port ||= await freePort();
    const [node, args] = webServerArgs(this.root, this.port);
    const log = openSync(this.logFile, "a");
    try {
      this.child = startBackground(node, args, {
        cwd: this.root,
        stdio: ["ignore", log, log],
        env: { ...process.env, ...this.env, NEXT_DIST_DIR: TEST_BUILD_DIR, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      });
    } finally {
      closeSync(log);
    }
    this.starts++;
    await waitForHttp(`${this.url}/api/v1/health`, 120_000, this.child);
  }

  /** SIGKILL to the whole process group: no shutdown hooks, open transactions cut mid-way. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    stopGroup(child, "SIGKILL");
    await exited;
    this.kills++;
  }

  /** Sends SIGTERM to the server process alone (as a deploy would) and returns its exit code once it has exited. */
  terminate(): Promise<number | null> {
    const child = this.child;
    if (!child || !this.running) return Promise.resolve(child?.exitCode ?? null);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    return exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    stopGroup(child, "SIGTERM");
    const timer = setTimeout(() => stopGroup(child, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }

  logTail(lines = 40): string {
    try {
      return readFileSync(this.logFile, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "(no server log)";
    }
  }
}
