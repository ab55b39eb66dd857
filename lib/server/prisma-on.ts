import "server-only";
import type pg from "pg";
import { clientOn, prisma } from "./db";
import type { PrismaClient } from "./generated/prisma/client";

// Prisma Client over a pool the caller owns: the worker's pool (lib/server/worker/pool.ts), or a
// test's own database. One client per pool (db.ts keeps them); no pool means the server's, prisma().
export function prismaOn(db?: pg.Pool): PrismaClient {
  return db ? clientOn(db) : prisma();
}
