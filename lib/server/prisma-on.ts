import "server-only";
import type pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { pool, prisma } from "./db";
import { PrismaClient } from "./generated/prisma/client";

// Prisma Client over a pool the caller owns: the worker's pool (lib/server/worker/pool.ts), or a
// test's own database. One client per pool, made on first use; no pool means the server's, prisma().
const clients = new WeakMap<pg.Pool, PrismaClient>();

export function prismaOn(db?: pg.Pool): PrismaClient {
  if (!db || db === pool()) return prisma();
  let client = clients.get(db);
  if (!client) clients.set(db, (client = new PrismaClient({ adapter: new PrismaPg(db) })));
  return client;
}
