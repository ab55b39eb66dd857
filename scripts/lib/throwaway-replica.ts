// Two throwaway PostgreSQL clusters in streaming replication, for tests of read replicas. The
// embedded binaries have no pg_basebackup, so the standby is a file copy: the primary is started
// (wal_level=replica; initdb's pg_hba.conf already lets `replication` in from 127.0.0.1 under
// -A trust), `prepare` creates and migrates its databases, the primary is stopped cleanly (a
// checkpointed data directory), the directory is copied, the copy gets standby.signal,
// primary_conninfo and its own port, and both start. Later writes reach the standby by streaming.
import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { clusterWorkspace, freePort, giveToPostgresUser, initCluster, runAsOwner } from "./throwaway-postgres";

export interface ThrowawayReplicaPair {
  /** The primary's superuser URL (database `postgres`). */
  primaryUrl: string;
  /** The standby's superuser URL (database `postgres`): read-only, `pg_is_in_recovery()` true. */
  replicaUrl: string;
  stop(): void;
}

/** `url` with its database name replaced (the same database on the other cluster). */
export function onDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Starts a primary, runs `prepare(primaryUrl)` on it, then copies it into a standby and starts
 * both. The standby is the primary as `prepare` left it; everything after streams.
 */
export async function startThrowawayReplicaPair(prepare: (primaryUrl: string) => Promise<void> = async () => {}): Promise<ThrowawayReplicaPair> {
  const { bin, dir } = clusterWorkspace("heurist-pg-replica-");
  const primaryData = path.join(dir, "primary");
  const replicaData = path.join(dir, "replica");
  const primaryPort = await freePort();
  let replicaPort = await freePort();
  while (replicaPort === primaryPort) replicaPort = await freePort();
  initCluster(bin, primaryData);
  const options = (port: number) =>
    Object.entries({
      listen_addresses: "127.0.0.1",
      port: String(port),
      unix_socket_directories: dir,
      max_connections: "100",
      wal_level: "replica",
      max_wal_senders: "5",
      hot_standby: "on",
    })
      .map(([k, v]) => `-c ${k}=${v}`)
      .join(" ");
  const pgCtl = (data: string, ...args: string[]) => runAsOwner(path.join(bin, "pg_ctl"), ["-D", data, ...args]);
  const running = new Set<string>();
  const start = (data: string, port: number, logName: string) => {
    pgCtl(data, "-o", options(port), "-l", path.join(dir, logName), "-w", "-t", "60", "start");
    running.add(data);
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    // The standby first, so it does not log a lost primary on the way out.
    for (const data of [replicaData, primaryData].filter((d) => running.has(d))) {
      try {
        pgCtl(data, "-m", "immediate", "-w", "stop");
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    start(primaryData, primaryPort, "primary.log");
    const primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`;
    await prepare(primaryUrl);
    pgCtl(primaryData, "-m", "fast", "-w", "stop");
    running.delete(primaryData);
    runAsOwner("cp", ["-a", primaryData, replicaData]);
    runAsOwner("rm", ["-f", path.join(replicaData, "postmaster.pid")]);
    appendFileSync(path.join(replicaData, "postgresql.auto.conf"), `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres application_name=replica'\n`);
    const signal = path.join(replicaData, "standby.signal");
    writeFileSync(signal, "");
    giveToPostgresUser(signal);
    start(primaryData, primaryPort, "primary.log");
    start(replicaData, replicaPort, "replica.log");
    return { primaryUrl, replicaUrl: `postgresql://postgres@127.0.0.1:${replicaPort}/postgres`, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
