// A fresh, migrated database on an existing PostgreSQL server.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../../../prisma/migrate";

export async function createMigratedDatabase(adminUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now()}_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return url.toString();
}
