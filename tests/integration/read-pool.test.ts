// DATABASE_READ_URL (issue 12, item 5): pages and read APIs read through readPool(), which connects
// to that URL when it is set and is the primary's pool when it is not.
import type pg from "pg";
import { afterAll, expect, test, vi } from "vitest";
import { pool, prisma, readPool, readPrisma } from "@/lib/server/db";
import { isReady, probeOps } from "@/lib/server/ops/probe";
import { readAsOf } from "@/lib/server/read-as-of";

vi.hoisted(() => {
  // The same test database, told apart by the connection's application_name.
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set("application_name", "heurist-read-replica");
  process.env.DATABASE_READ_URL = url.toString();
});

afterAll(async () => {
  await readPool().end();
  await pool().end();
});

async function applicationName(p: pg.Pool): Promise<string> {
  return (await p.query<{ name: string }>("SELECT current_setting('application_name') AS name")).rows[0]!.name;
}

test("with DATABASE_READ_URL set, reads connect to it and writes stay on DATABASE_URL", async () => {
  expect(readPool()).not.toBe(pool());
  expect(await applicationName(readPool())).toBe("heurist-read-replica");
  expect(await applicationName(pool())).not.toBe("heurist-read-replica");
});

test("Prisma's typed reads go to the read pool too, its writes to the primary", async () => {
  const name = async (client: ReturnType<typeof prisma>) => (await client.$queryRaw<{ name: string }[]>`SELECT current_setting('application_name') AS name`)[0]!.name;
  expect(readPrisma()).not.toBe(prisma());
  expect(await name(readPrisma())).toBe("heurist-read-replica");
  expect(await name(prisma())).not.toBe("heurist-read-replica");
});

test("the read pool has the primary's statement timeout", async () => {
  const timeout = (await readPool().query<{ t: string }>("SELECT current_setting('statement_timeout') AS t")).rows[0]!.t;
  expect(timeout).toBe((await pool().query<{ t: string }>("SELECT current_setting('statement_timeout') AS t")).rows[0]!.t);
  expect(timeout).not.toBe("0");
});

test("a DATABASE_READ_URL that is no standby reads as current, and /ready reports it (standby false) without deciding readiness on it", async () => {
  expect(await readAsOf()).toMatchObject({ replica: false, lagSeconds: 0 });
  const state = await probeOps();
  expect(state.replica).toMatchObject({ configured: true, ok: false, standby: false, lagSeconds: 0 });
  expect(isReady(state)).toBe(isReady({ ...state, replica: { ok: true, configured: false } }));
});
