// PostgreSQL refuses to run as root. As root, clusters (the embedded default's and the tests'
// throwaway ones) belong to a `postgres` system user, created here on a machine that has none.
import { spawnSync } from "node:child_process";
import { chmodSync, statSync } from "node:fs";
import path from "node:path";

export const isRoot = () => process.getuid?.() === 0;

/** Creates the `postgres` system user if it is missing (as root only). */
export function ensurePostgresUser(): void {
  if (!isRoot() || spawnSync("id", ["-u", "postgres"]).status === 0) return;
  const res = spawnSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { encoding: "utf8" });
  if (res.status !== 0 && spawnSync("id", ["-u", "postgres"]).status !== 0) throw new Error(`could not create the postgres system user: ${res.stderr}`);
}

/**
 * As root the server runs as the `postgres` system user, which must be able to reach the binaries
 * (under node_modules) and the data directory: every directory above them gets the "others may
 * traverse" bit (o+x, not read) where it lacks it, e.g. a checkout under a 0700 mktemp folder.
 */
export function letPostgresUserReach(...targets: string[]): void {
  if (!isRoot()) return;
  for (const target of targets) {
    for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
      if (dir === path.dirname(dir)) break;
    }
  }
}
