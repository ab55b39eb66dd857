// A test file's own database: a copy of the migrated template (CREATE DATABASE ... TEMPLATE), which
// takes a fraction of a second where running the migrations takes several.
import { randomBytes } from "node:crypto";
import pg from "pg";

export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** PostgreSQL refuses a copy while another copy of the same template is starting ("being accessed by other users"). */
const BUSY_TEMPLATE = "55006";

export async function copyTemplate(adminUrl: string, template: string, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now()}_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== BUSY_TEMPLATE || attempt >= 50) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
  return databaseUrlFor(adminUrl, name);
}
