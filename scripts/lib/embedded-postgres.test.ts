// The embedded default is a real PostgreSQL that only the portal can open: no password or a wrong
// one is refused (issue 9: any local process could rewrite the ledger as superuser).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { freePort } from "./throwaway-postgres";

const dir = mkdtempSync(path.join(os.tmpdir(), "heurist-embedded-"));
const dataDir = path.join(dir, "postgres");
const passwordFile = path.join(dir, "postgres-password");
let db: EmbeddedPostgres;
let port: number;

beforeAll(async () => {
  port = await freePort();
  db = await startEmbeddedPostgres({ dataDir, passwordFile, port });
}, 120_000);

afterAll(async () => {
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function connect(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<{ v: number }>("SELECT 1 AS v")).rows[0]!.v;
  } finally {
    await client.end();
  }
}

test("the generated password opens it; the password file is the owner's alone", async () => {
  expect(await connect(db.url)).toBe(1);
  expect(statSync(passwordFile).mode & 0o077).toBe(0);
});

test.each([
  ["no password", (p: number) => `postgresql://heurist@127.0.0.1:${p}/postgres`],
  ["a wrong password", (p: number) => `postgresql://heurist:guess@127.0.0.1:${p}/postgres`],
  ["the superuser without a password", (p: number) => `postgresql://postgres@127.0.0.1:${p}/postgres`],
])("%s is refused", async (_name, url) => {
  await expect(connect(url(port))).rejects.toThrow(/password/);
});

test("as root, the cluster's user could reach its data directory inside a private (0700) temporary folder", () => {
  if (process.getuid?.() === 0) expect(statSync(dir).mode & 0o001).toBe(0o001);
  expect(statSync(path.join(dataDir, "PG_VERSION")).isFile()).toBe(true);
});

test("tools find the running cluster and its address from the data directory", async () => {
  expect(runningEmbeddedUrl(dataDir, passwordFile)).toBe(db.url);
});

test("a Ctrl+C in the terminal reaches the portal, not the database: a query in flight finishes before the portal stops it", async () => {
  const own = mkdtempSync(path.join(os.tmpdir(), "heurist-embedded-ctrl-c-"));
  try {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname, "embedded-postgres.ctrl-c.fixture.ts"), path.join(own, "postgres"), path.join(own, "password"), String(await freePort())],
      {
        detached: true,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    await expect.poll(() => out, { timeout: 90_000 }).toContain("in flight");
    process.kill(-child.pid!, "SIGINT"); // what a terminal does on Ctrl+C: the whole foreground group
    expect(await exited).toBe(0);
    expect(out).toContain("query finished");
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
}, 120_000);
